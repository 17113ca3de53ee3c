// The one place that calls Graphviz. Graphviz 2.42 crashes when a process
// creates a second GVC_t, so one context lives for the whole process and
// every use holds a mutex (Graphviz is not thread-safe either). A graph is
// read from DOT text, laid out once and rendered to every format asked for;
// each step's result is checked, and Graphviz's own last error message (kept
// off stderr) is passed on in ours.
#include <cstdlib>
#include <mutex>

#include "entente/export.h"
#include "entente_config.h"

#if ENTENTE_HAVE_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

namespace entente {
namespace {

bool KnownFormat(const std::string& f) {
  return f == "svg" || f == "png" || f == "pdf";
}

bool KnownLayout(const std::string& l) {
  return l == "dot" || l == "sfdp" || l == "neato" || l == "fdp" ||
         l == "circo";
}

Status CheckArguments(const std::vector<std::string>& formats,
                      const std::string& layout) {
  if (formats.empty()) return Status::Usage("no render format given");
  for (const std::string& f : formats) {
    if (!KnownFormat(f)) {
      return Status::Usage("unknown render format '" + f +
                           "' (use svg, png or pdf)");
    }
  }
  if (!KnownLayout(layout)) {
    return Status::Usage("unknown layout '" + layout +
                         "' (use dot, sfdp, neato, fdp or circo)");
  }
  return Status::Ok();
}

}  // namespace

#if ENTENTE_HAVE_GRAPHVIZ
namespace {

std::mutex& GraphvizMutex() {
  static std::mutex mu;
  return mu;
}

GVC_t* Context() {
  static GVC_t* gvc = [] {
    agseterr(AGMAX);  // keep Graphviz's own messages off stderr
    return gvContext();
  }();
  return gvc;
}

// Graphviz's last error, trimmed, as " (reason)"; empty when it said none.
std::string LastGraphvizError() {
  char* e = aglasterr();  // malloc'ed by Graphviz
  if (!e) return "";
  std::string s = e;
  std::free(e);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s.empty() ? "" : " (" + s + ")";
}

}  // namespace

Result<std::map<std::string, std::string>> RenderDotFormats(
    const std::string& dot, const std::vector<std::string>& formats,
    const std::string& layout) {
  if (Status s = CheckArguments(formats, layout); !s.ok()) return s;
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  GVC_t* gvc = Context();
  if (!gvc) return Status::IoError("Graphviz: cannot create a context");
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) {
    return Status::InvalidInput("Graphviz could not read the DOT text" +
                                LastGraphvizError());
  }
  if (gvLayout(gvc, g, layout.c_str()) != 0) {
    std::string why = LastGraphvizError();
    agclose(g);
    return Status::IoError("Graphviz layout '" + layout + "' failed" + why +
                           "; is the graphviz package installed?");
  }
  std::map<std::string, std::string> out;
  Status status;
  for (const std::string& format : formats) {
    char* data = nullptr;
    unsigned int length = 0;
    int rc = gvRenderData(gvc, g, format.c_str(), &data, &length);
    if (rc == 0 && data && length > 0) out[format].assign(data, length);
    if (data) gvFreeRenderData(data);
    if (rc != 0 || out[format].empty()) {
      status = Status::IoError("Graphviz could not render " + format +
                               LastGraphvizError());
      break;
    }
  }
  gvFreeLayout(gvc, g);
  agclose(g);
  if (!status.ok()) return status;
  return out;
}

#else

Result<std::map<std::string, std::string>> RenderDotFormats(
    const std::string&, const std::vector<std::string>& formats,
    const std::string& layout) {
  if (Status s = CheckArguments(formats, layout); !s.ok()) return s;
  return Status::IoError("this entente was built without Graphviz; cannot "
                         "render " + formats[0] +
                         " (write a .dot file instead)");
}

#endif

Result<std::string> RenderDot(const std::string& dot, const std::string& format,
                              const std::string& layout) {
  Result<std::map<std::string, std::string>> out =
      RenderDotFormats(dot, {format}, layout);
  if (!out.ok()) return out.status();
  return std::move((*out)[format]);
}

}  // namespace entente
