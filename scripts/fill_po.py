"""Fill French translations into a .po file from a small Python dict file: `python scripts/fill_po.py PO DICT.py`.

The dict file defines FR = {"English": "Français", ...}; plural entries map to a pair (singular, plural).
Entries already translated are kept; the script reports what is still missing.
"""

import runpy
import sys

import polib


def main(po_path: str, dict_path: str) -> int:
    translations = runpy.run_path(dict_path)["FR"]
    po = polib.pofile(po_path)
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        value = translations.get(entry.msgid)
        if entry.msgid_plural:
            if value and not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            if not any(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
        else:
            if value and not entry.msgstr:
                entry.msgstr = value
            if not entry.msgstr:
                missing.append(entry.msgid)
        if "fuzzy" in entry.flags and (entry.msgstr or any(entry.msgstr_plural.values())) and value:
            entry.flags.remove("fuzzy")
    po.save()
    po.save_as_mofile(po_path[:-3] + ".mo")
    for msgid in missing:
        print("missing:", msgid.replace("\n", "\\n")[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
