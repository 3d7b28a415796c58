#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install --destdir` into a temporary root gives a tree that the
# desktop's own tools accept, with everything a desktop needs in place.
set -u
build=$1
root=$(mktemp -d "${TMPDIR:-/tmp}/bespoke-test-install-XXXXXX")
trap 'rm -rf "$root"' EXIT
fails=0
fail () { echo "FAIL: $*"; fails=$((fails + 1)); }

meson install -C "$build" --no-rebuild --quiet --destdir "$root" >"$root.log" 2>&1 ||
  { cat "$root.log"; rm -f "$root.log"; echo "FAIL: meson install"; exit 1; }
rm -f "$root.log"
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
share=$root$prefix/share
app=org.bespoke.Bespoke

for f in \
  "$root$prefix/bin/bespoke" "$root$prefix/bin/bespoke-cli" \
  "$share/applications/$app.desktop" "$share/metainfo/$app.metainfo.xml" \
  "$share/glib-2.0/schemas/$app.gschema.xml" "$share/mime/packages/$app.mime.xml" \
  "$share/icons/hicolor/scalable/apps/$app.svg" "$share/icons/hicolor/symbolic/apps/$app-symbolic.svg" \
  "$share/man/man1/bespoke.1" "$share/man/man1/bespoke-cli.1" \
  "$share/dbus-1/services/$app.service" "$share/gnome-shell/search-providers/$app.search-provider.ini"
do
  [ -s "$f" ] || fail "not installed: ${f#"$root"}"
done
completion=$(find "$root" -path '*bash-completion/completions/bespoke-cli' | head -n 1)
[ -n "$completion" ] || fail "not installed: the bash completion of bespoke-cli"

desktop-file-validate "$share/applications/$app.desktop" || fail "desktop-file-validate"
grep -qx 'DBusActivatable=true' "$share/applications/$app.desktop" || fail "the desktop file is not DBusActivatable"
grep -qx "Exec=$prefix/bin/bespoke --gapplication-service" "$share/dbus-1/services/$app.service" ||
  fail "the D-Bus service does not start $prefix/bin/bespoke"
appstreamcli validate --no-net "$share/metainfo/$app.metainfo.xml" >/dev/null || fail "appstreamcli validate"
glib-compile-schemas --strict "$share/glib-2.0/schemas" || fail "glib-compile-schemas"
[ -s "$share/glib-2.0/schemas/gschemas.compiled" ] || fail "the schemas did not compile"
version=$(meson introspect "$build" --projectinfo | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
[ "$("$root$prefix/bin/bespoke-cli" --version)" = "bespoke-cli $version" ] || fail "bespoke-cli --version is not $version"
# --version needs no display: it is answered before GTK starts
[ "$(env -u DISPLAY -u WAYLAND_DISPLAY "$root$prefix/bin/bespoke" --version)" = "bespoke $version" ] ||
  fail "bespoke --version is not “bespoke $version”"

[ "$fails" -eq 0 ] && echo "ok: the installed tree is complete and valid"
exit $(( fails > 0 ))
