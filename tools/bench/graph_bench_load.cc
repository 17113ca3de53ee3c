// Times loading a saved graph as the CLI does: ReadGraphJsonFile, then the
// query index (Compact). Prints wall and process CPU time for each load.
// For profiling the loader on a file of one's own, without regenerating the
// benchmark corpus:
//
//   ENTENTE_GRAPH_BENCH_KEEP_JSON=1 build/tools/bench/graph_bench
//       --benchmark_filter=BM_LoadGraphJson/      (writes the file below)
//   build/tools/bench/graph_bench_load /tmp/entente_graph_bench.json 3
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "entente/export.h"
#include "entente/graph.h"

namespace {

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || std::string(argv[1]) == "--help") {
    std::fprintf(stderr, "usage: graph_bench_load GRAPH.json [TIMES]\n");
    return 2;
  }
  int times = argc == 3 ? std::atoi(argv[2]) : 1;
  if (times < 1) {
    std::fprintf(stderr, "graph_bench_load: TIMES must be a positive number\n");
    return 2;
  }
  for (int i = 0; i < times; ++i) {
    double cpu = CpuSeconds();
    auto start = std::chrono::steady_clock::now();
    entente::Result<entente::RelationGraph> g =
        entente::ReadGraphJsonFile(argv[1]);
    if (!g.ok()) {
      std::fprintf(stderr, "graph_bench_load: %s\n",
                   g.status().message().c_str());
      return 1;
    }
    g->Compact();
    std::chrono::duration<double> wall =
        std::chrono::steady_clock::now() - start;
    std::printf("load %d: %.3f s wall, %.3f s CPU (all threads), %zu edges, %zu mentions\n",
                i + 1, wall.count(), CpuSeconds() - cpu, g->edge_count(),
                g->mention_count());
  }
  return 0;
}
