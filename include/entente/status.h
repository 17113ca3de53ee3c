// Status and Result<T>: how entente reports failure.
//
// Errors are values at every module boundary (no exceptions for control flow).
// A Status is either ok or carries a kind and a message that says where the
// problem is (file, line or record, JSON pointer, pattern id) and what is wrong.
//
//   Result<Document> doc = ReadOne(path);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
#ifndef ENTENTE_STATUS_H_
#define ENTENTE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace entente {

// What went wrong, coarse enough to choose an exit code: kUsage maps to exit
// code 2 (bad command line), everything else to 1.
enum class StatusCode { kOk = 0, kInvalidInput, kNotFound, kIoError, kUsage };

class Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(StatusCode::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg));
  }
  static Status IoError(std::string msg) {
    return Status(StatusCode::kIoError, std::move(msg));
  }
  static Status Usage(std::string msg) {
    return Status(StatusCode::kUsage, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message" (adds context such as a
  // file name while an error travels up).
  Status WithPrefix(const std::string& prefix) const {
    return ok() ? *this : Status(code_, prefix + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string msg)
      : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. Accessing the value
// of a failed Result is a programming error (asserted).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must be an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& value() {
    assert(ok());
    return *value_;
  }
  const T& value() const {
    assert(ok());
    return *value_;
  }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace entente

#endif  // ENTENTE_STATUS_H_
