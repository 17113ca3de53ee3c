// File input and atomic file output.
//
// Output files are written atomically: AtomicFile writes to a temporary file
// beside the target and renames it over the target on Commit(), so a failed
// or interrupted run never leaves a truncated output behind.
#ifndef ENTENTE_CORE_FILES_H_
#define ENTENTE_CORE_FILES_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "entente/status.h"

namespace entente {

// Reads a whole file. Fails with "PATH: reason" (missing, unreadable, a
// directory, larger than `max_bytes`).
Result<std::string> ReadWholeFile(const std::string& path,
                                  std::size_t max_bytes = std::size_t{1} << 31);

// Writes `content` to `path` atomically. "-" writes to standard output.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// A file being written: Append() as often as needed, then Commit(). If the
// object is destroyed without a successful Commit(), the temporary file is
// removed and the target is left as it was. "-" streams to standard output.
// A target that is no regular file (/dev/stdout, a named pipe) is written in
// place, since it cannot be replaced; a symbolic link to a file keeps its
// link, and the file it names is replaced.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Opens the temporary file for `path` (creating no directories).
  Status Open(const std::string& path);
  Status Append(std::string_view data);
  // Flushes, syncs and renames the temporary file over the target.
  Status Commit();

 private:
  void Abandon();
  std::string path_, temp_path_;
  std::string temp_target_;  // what the temporary file replaces
  std::FILE* file_ = nullptr;
  bool is_stdout_ = false;
  bool in_place_ = false;  // a device or pipe, written as it is
  bool failed_ = false;
};

// Creates a directory and its parents if missing.
Status MakeDirectories(const std::string& path);

}  // namespace entente

#endif  // ENTENTE_CORE_FILES_H_
