// POSIX file handling: stdio for reading and writing, mkstemp-style unique
// temporary names beside the target, fsync before rename.
#include "core/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace entente {
namespace {

std::string Reason() { return std::strerror(errno); }

}  // namespace

Result<std::string> ReadWholeFile(const std::string& path,
                                  std::size_t max_bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(path + ": cannot open: " + Reason());
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::InvalidInput(path + ": is a directory, not a file");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": cannot open: " + Reason());
  std::string out;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > max_bytes) {
      std::fclose(f);
      return Status::InvalidInput(path + ": larger than " +
                                  std::to_string(max_bytes) + " bytes");
    }
    out.append(buf, n);
  }
  bool error = std::ferror(f);
  std::fclose(f);
  if (error) return Status::IoError(path + ": read error");
  return out;
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (file_ && !is_stdout_) {
    std::fclose(file_);
    if (!in_place_) std::remove(temp_path_.c_str());
  }
  file_ = nullptr;
}

Status AtomicFile::Open(const std::string& path) {
  path_ = path;
  failed_ = false;
  if (path == "-") {
    is_stdout_ = true;
    file_ = stdout;
    return Status::Ok();
  }
  in_place_ = false;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      return Status::InvalidInput(path + ": is a directory, not a file");
    }
    // "-o /dev/stdout", a named pipe: renaming over it would replace the
    // device or the pipe with a plain file.
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return Status::IoError(path + ": cannot write: " + Reason());
    in_place_ = true;
    return Status::Ok();
  }
  // A link to a file: replace the file it names, keep the link.
  std::string target = path;
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      target = real;
      std::free(real);
    }
  }
  temp_target_ = target;
  std::string pattern = target + ".tmp-XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    return Status::IoError(path + ": cannot create a file there: " + Reason());
  }
  ::fchmod(fd, 0644);
  temp_path_ = pattern;
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    ::close(fd);
    std::remove(temp_path_.c_str());
    return Status::IoError(path + ": cannot write: " + Reason());
  }
  return Status::Ok();
}

Status AtomicFile::Append(std::string_view data) {
  if (!file_) return Status::IoError(path_ + ": not open for writing");
  if (!data.empty() && std::fwrite(data.data(), 1, data.size(), file_) !=
                           data.size()) {
    failed_ = true;
    return Status::IoError(path_ + ": write failed: " + Reason());
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (!file_) return Status::IoError(path_ + ": not open for writing");
  if (is_stdout_) {
    std::fflush(stdout);
    file_ = nullptr;
    return Status::Ok();
  }
  if (in_place_) {
    bool ok = !failed_ && std::fflush(file_) == 0;
    std::string reason = ok ? "" : Reason();
    ok = (std::fclose(file_) == 0) && ok;
    file_ = nullptr;
    if (!ok) return Status::IoError(path_ + ": could not be written: " + reason);
    return Status::Ok();
  }
  bool ok = !failed_ && std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  std::string reason = ok ? "" : Reason();
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  if (!ok || std::rename(temp_path_.c_str(), temp_target_.c_str()) != 0) {
    if (reason.empty()) reason = Reason();
    std::remove(temp_path_.c_str());
    return Status::IoError(path_ + ": could not be written: " + reason);
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  AtomicFile f;
  Status s = f.Open(path);
  if (s.ok()) s = f.Append(content);
  if (s.ok()) s = f.Commit();
  return s;
}

Status MakeDirectories(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return Status::IoError(path + ": cannot create directory: " +
                                 ec.message());
  if (!std::filesystem::is_directory(path)) {
    return Status::IoError(path + ": exists and is not a directory");
  }
  return Status::Ok();
}

}  // namespace entente
