/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

typedef enum
{
  BESPOKE_XML_EXPORT_PEOPLE, /* the people named, with everything of theirs */
  BESPOKE_XML_EXPORT_ALL,    /* every provider's menu, every person, every shared home */
  BESPOKE_XML_EXPORT_MENU,   /* one provider and its menu */
} BespokeXmlExportScope;

gboolean  bespoke_xml_export           (BespokeStore           *store,
                                        BespokeXmlExportScope   scope,
                                        const char * const     *uuids,
                                        const char             *path,
                                        GError                **error);
gboolean  bespoke_xml_export_full      (BespokeStore           *store,
                                        BespokeXmlExportScope   scope,
                                        const char * const     *uuids,
                                        const char             *path,
                                        GError                **warning,
                                        GError                **error);
guint     bespoke_xml_export_remove_stale (const char          *dir);
char     *bespoke_xml_export_record    (BespokeRecord          *record);
void      bespoke_xml_export_escape    (GString                *out,
                                        const char             *text,
                                        gboolean                attribute);

G_END_DECLS
