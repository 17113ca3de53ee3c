// The one place that calls Graphviz. Graphviz 2.42 crashes when a process
// creates a second GVC_t, so one context lives for the whole process and
// every use holds a mutex (Graphviz is not thread-safe either).
#include <mutex>

#include "entente/export.h"
#include "entente_config.h"

#if ENTENTE_HAVE_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

namespace entente {

#if ENTENTE_HAVE_GRAPHVIZ
namespace {

std::mutex& GraphvizMutex() {
  static std::mutex mu;
  return mu;
}

GVC_t* Context() {
  static GVC_t* gvc = [] {
    agseterr(AGMAX);  // keep Graphviz's own warnings off stderr
    return gvContext();
  }();
  return gvc;
}

}  // namespace

Result<std::string> RenderDot(const std::string& dot, const std::string& format,
                              const std::string& layout) {
  if (format != "svg" && format != "png" && format != "pdf") {
    return Status::Usage("unknown render format '" + format +
                         "' (use svg, png or pdf)");
  }
  if (layout != "dot" && layout != "sfdp" && layout != "neato" &&
      layout != "fdp" && layout != "circo") {
    return Status::Usage("unknown layout '" + layout +
                         "' (use dot, sfdp, neato, fdp or circo)");
  }
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  GVC_t* gvc = Context();
  if (!gvc) return Status::IoError("Graphviz: cannot create a context");
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) return Status::InvalidInput("Graphviz could not read the DOT text");
  if (gvLayout(gvc, g, layout.c_str()) != 0) {
    agclose(g);
    return Status::IoError("Graphviz layout '" + layout +
                           "' failed (is the graphviz package installed?)");
  }
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g, format.c_str(), &data, &length);
  std::string out;
  if (rc == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  if (rc != 0 || out.empty()) {
    return Status::IoError("Graphviz could not render " + format);
  }
  return out;
}

#else

Result<std::string> RenderDot(const std::string&, const std::string& format,
                              const std::string&) {
  return Status::IoError("this entente was built without Graphviz; cannot "
                         "render " + format + " (write a .dot file instead)");
}

#endif

}  // namespace entente
