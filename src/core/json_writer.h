// A small facade over RapidJSON's Writer so modules that write JSON share one
// way of doing it (compact, UTF-8, deterministic number formatting) and keep
// RapidJSON out of their headers.
#ifndef ENTENTE_CORE_JSON_WRITER_H_
#define ENTENTE_CORE_JSON_WRITER_H_

#include <memory>
#include <string>
#include <string_view>

namespace entente {

class JsonWriter {
 public:
  JsonWriter();
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  // Writes null for an empty string.
  JsonWriter& StringOrNull(std::string_view value);
  JsonWriter& Int(long long value);
  JsonWriter& Double(double value);  // at most 6 decimals, trailing zeros cut
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts already serialised JSON (e.g. kept metadata) as a value.
  JsonWriter& Raw(std::string_view json);

  // The text so far; the writer may be reused after Clear().
  std::string_view text() const;
  std::string Take();
  void Clear();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente

#endif  // ENTENTE_CORE_JSON_WRITER_H_
