// JsonWriter wraps rapidjson::Writer over a StringBuffer.
#include "core/json_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace entente {

struct JsonWriter::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
};

JsonWriter::JsonWriter() : impl_(std::make_unique<Impl>()) {
  impl_->writer.SetMaxDecimalPlaces(6);
}
JsonWriter::~JsonWriter() = default;

JsonWriter& JsonWriter::BeginObject() {
  impl_->writer.StartObject();
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  impl_->writer.EndObject();
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  impl_->writer.StartArray();
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  impl_->writer.EndArray();
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
  impl_->writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
  impl_->writer.String(value.data(),
                       static_cast<rapidjson::SizeType>(value.size()));
  return *this;
}
JsonWriter& JsonWriter::StringOrNull(std::string_view value) {
  return value.empty() ? Null() : String(value);
}
JsonWriter& JsonWriter::Int(long long value) {
  impl_->writer.Int64(value);
  return *this;
}
JsonWriter& JsonWriter::Double(double value) {
  impl_->writer.Double(value);
  return *this;
}
JsonWriter& JsonWriter::Bool(bool value) {
  impl_->writer.Bool(value);
  return *this;
}
JsonWriter& JsonWriter::Null() {
  impl_->writer.Null();
  return *this;
}
JsonWriter& JsonWriter::Raw(std::string_view json) {
  impl_->writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  return *this;
}
std::string_view JsonWriter::text() const {
  return {impl_->buffer.GetString(), impl_->buffer.GetSize()};
}
std::string JsonWriter::Take() {
  std::string out(text());
  Clear();
  return out;
}
void JsonWriter::Clear() {
  impl_->buffer.Clear();
  impl_->writer.Reset(impl_->buffer);
}

}  // namespace entente
