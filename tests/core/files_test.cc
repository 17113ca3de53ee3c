#include "core/files.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace entente {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("entente-files-test-" +
                                            std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

TEST_CASE("reads whole files and names the path when it cannot") {
  fs::path d = TempDir();
  REQUIRE(WriteFileAtomically((d / "a.txt").string(), "hello").ok());
  Result<std::string> r = ReadWholeFile((d / "a.txt").string());
  REQUIRE(r.ok());
  CHECK(*r == "hello");
  Result<std::string> missing = ReadWholeFile((d / "nope.txt").string());
  CHECK_FALSE(missing.ok());
  CHECK(missing.status().message().find("nope.txt") != std::string::npos);
  Result<std::string> dir = ReadWholeFile(d.string());
  CHECK_FALSE(dir.ok());
  fs::remove_all(d);
}

TEST_CASE("an abandoned atomic file leaves the target untouched") {
  fs::path d = TempDir();
  std::string target = (d / "out.json").string();
  REQUIRE(WriteFileAtomically(target, "old").ok());
  {
    AtomicFile f;
    REQUIRE(f.Open(target).ok());
    REQUIRE(f.Append("partial new content").ok());
    // destroyed without Commit()
  }
  CHECK(*ReadWholeFile(target) == "old");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(d)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);  // no temporary file left
  fs::remove_all(d);
}

TEST_CASE("a device or a pipe is written in place, a link keeps its link") {
  fs::path d = TempDir();
  // A named pipe stands for /dev/stdout: renaming a file over it would
  // replace the pipe. A reader on the other end gets the bytes.
  fs::path fifo = d / "pipe";
  fs::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    _exit(WriteFileAtomically(fifo.string(), "through the pipe").ok() ? 0 : 1);
  }
  Result<std::string> r = ReadWholeFile(fifo.string());
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(r.ok());
  CHECK(*r == "through the pipe");
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));

  fs::path file = d / "real.json";
  fs::path link = d / "link.json";
  fs::remove(link);
  REQUIRE(WriteFileAtomically(file.string(), "old").ok());
  fs::create_symlink(file, link);
  REQUIRE(WriteFileAtomically(link.string(), "new").ok());
  CHECK(fs::is_symlink(fs::symlink_status(link)));
  CHECK(*ReadWholeFile(file.string()) == "new");

  Status s = WriteFileAtomically(d.string(), "x");
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("directory") != std::string::npos);
}

TEST_CASE("writing into a missing directory fails with the path") {
  Status s = WriteFileAtomically("/nonexistent-dir-entente/x.json", "x");
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("/nonexistent-dir-entente/x.json") != std::string::npos);
}

}  // namespace
}  // namespace entente
