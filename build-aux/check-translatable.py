#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-translatable.py SOURCE_ROOT: fails on a user-visible string that
is not marked for translation.

- ui/*.ui: a label, title, subtitle, description, tooltip, placeholder or
  accessible label with letters in it needs translatable="yes".
- src/**/*.c: a string literal with words in it, passed straight to a
  function that puts text in front of people (labels, titles, toasts,
  dialogs, errors), needs _() or N_() (or C_() / g_dngettext()).
Strings meant for programs (ids, CSS classes, icon names, action names,
log messages) are not looked at.  A line may opt out with the comment
`/* not translated: WHY */`, saying why.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
problems = []

UI_PROPERTIES = {"label", "title", "subtitle", "description", "tooltip-text", "placeholder-text",
                 "heading", "body", "text", "icon-name-text", "button-label"}
ui_prop = re.compile(r'<property name="([a-z-]+)"([^>]*)>([^<]*)</property>')
for path in sorted((root / "ui").glob("*.ui")):
    source = path.read_text(encoding="utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', source))  # a property naming another object
    for number, line in enumerate(source.splitlines(), 1):
        for name, attributes, value in ui_prop.findall(line):
            if value in ids:
                continue
            if name in UI_PROPERTIES and re.search(r"[A-Za-z]{2}", value) and 'translatable="yes"' not in attributes:
                problems.append(f"{path.relative_to(root)}:{number}: the {name} “{value}” is not translatable")

VISIBLE_CALLS = [
    "gtk_label_set_text", "gtk_label_set_label", "gtk_label_set_markup", "gtk_label_new",
    "gtk_button_set_label", "gtk_button_new_with_label", "gtk_button_new_with_mnemonic",
    "gtk_window_set_title", "adw_window_title_set_title", "adw_window_title_set_subtitle",
    "adw_preferences_row_set_title", "adw_action_row_set_subtitle", "adw_preferences_group_set_title",
    "adw_preferences_group_set_description", "adw_status_page_set_title", "adw_status_page_set_description",
    "adw_toast_new", "adw_toast_set_title", "adw_message_dialog_new", "adw_message_dialog_set_body",
    "adw_message_dialog_set_heading", "adw_message_dialog_add_response", "gtk_widget_set_tooltip_text",
    "gtk_entry_set_placeholder_text", "gtk_editable_set_text", "adw_entry_row_set_title",
    "gtk_check_button_set_label", "gtk_check_button_new_with_label", "g_menu_append", "g_menu_item_new",
    "gtk_file_chooser_native_new", "gtk_file_filter_set_name",
]
call = re.compile(r"\b(" + "|".join(VISIBLE_CALLS) + r")\s*\(([^;]*)")
set_error = re.compile(r"\bg_set_error\s*\(\s*[^,]+,\s*[^,]+,\s*[^,]+,\s*(\"[^\"]*\")")
literal = re.compile(r'(?<![_A-Za-z(])\s*("(?:[^"\\]|\\.)*")')
for path in sorted((root / "src").rglob("*.c")):
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if "not translated:" in line:
            continue
        for m in call.finditer(line):
            args = m.group(2)
            for lit in re.finditer(r'(^|,\s*|(?<![_A-Za-z])\(\s*)("(?:[^"\\]|\\.)*")', args):
                words = re.sub(r"%[-0-9.lu]*[a-zA-Z]|\\[nt]", "", lit.group(2))
                if re.fullmatch(r'"[a-z0-9.-]*"', lit.group(2)):
                    continue  # an id: a response, an action, a style class
                if re.search(r"[A-Za-z]{3}", words):
                    problems.append(f"{path.relative_to(root)}:{number}: {m.group(1)} shows {lit.group(2)} without _()")
        for m in set_error.finditer(line):
            if re.search(r"[A-Za-z]{3}", m.group(1)):
                problems.append(f"{path.relative_to(root)}:{number}: g_set_error says {m.group(1)} without _()")

for problem in problems:
    print(problem)
print(f"{len(problems)} unmarked strings" if problems else "every visible string is marked for translation")
sys.exit(1 if problems else 0)
