#include "types.h"

#include <string.h>

static const char *const CLASS_NAMES[NG_CLS_COUNT] = {"Person",
                                                      "Organization",
                                                      "University",
                                                      "ThinkTank",
                                                      "GovernmentBody",
                                                      "NewsAgency",
                                                      "InternationalOrganization",
                                                      "PoliticalParty",
                                                      "ArmedGroup",
                                                      "OrganizationalUnit",
                                                      "Publication",
                                                      "Company",
                                                      "Place",
                                                      "Country",
                                                      "City",
                                                      "Region",
                                                      "Facility",
                                                      "Agreement"};

const char *ng_class_name(NgClass cls) { return cls < NG_CLS_COUNT ? CLASS_NAMES[cls] : "Thing"; }

NgClass ng_class_parse(const char *name) {
  for (int i = 0; i < NG_CLS_COUNT; ++i)
    if (strcmp(CLASS_NAMES[i], name) == 0) return (NgClass)i;
  return NG_CLS_COUNT;
}

NgEntityType ng_class_type(NgClass cls) {
  if (cls == NG_CLS_PERSON) return NG_TYPE_PERSON;
  if (cls >= NG_CLS_PLACE && cls <= NG_CLS_FACILITY) return NG_TYPE_PLACE;
  if (cls == NG_CLS_AGREEMENT) return NG_TYPE_AGREEMENT;
  return NG_TYPE_ORG;
}

static const char *const TYPE_SLUGS[NG_TYPE_COUNT] = {"person", "org", "place", "agreement"};

const char *ng_type_slug(NgEntityType type) { return type < NG_TYPE_COUNT ? TYPE_SLUGS[type] : "thing"; }
