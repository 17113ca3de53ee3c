// Conversion of validated lexicon JSON records into entries. Internal to
// src/lexicon: the records have passed the schema, so these functions only
// read fields (missing optional fields give empty values).
#ifndef ENTENTE_LEXICON_LEXICON_RECORDS_H_
#define ENTENTE_LEXICON_LEXICON_RECORDS_H_

#include <rapidjson/document.h>

#include "lexicon/lexicon.h"

namespace entente::lexicon_records {

StateEntry ToState(const rapidjson::Value& v);
OrganizationEntry ToOrganization(const rapidjson::Value& v);
PersonEntry ToPerson(const rapidjson::Value& v);
TitleEntry ToTitle(const rapidjson::Value& v);
AgentEntry ToAgent(const rapidjson::Value& v);
RelationEntry ToRelation(const rapidjson::Value& v);
CameoEntry ToCameo(const rapidjson::Value& v);
PlaceEntry ToPlace(const rapidjson::Value& v);

}  // namespace entente::lexicon_records

#endif  // ENTENTE_LEXICON_LEXICON_RECORDS_H_
