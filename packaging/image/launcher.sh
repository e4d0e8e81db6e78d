#!/bin/sh
# bedrock-setup's launcher in the runtime image (packaging/image/build-image.sh puts it at bin/bedrock-setup in
# place of jpackage's native launcher, which runs `rpm -qf` and `dpkg -S` on itself at every start: measured here,
# twice the CPU time of the whole --version). Follows the links npm and the .deb make to it, then starts the image's
# java with the flags the AOT caches were trained with (the same class path; --enable-native-access for jline's
# terminal, without which Java 22+ warns four times as the wizard starts) and one of those caches.
self="$0"
while [ -L "$self" ]; do
  link="$(readlink "$self")"
  case "$link" in /*) self="$link" ;; *) self="$(dirname "$self")/$link" ;; esac
done
app="$(cd "$(dirname "$self")/.." && pwd -P)"
# how the settings bedrock-setup writes call it back, unless the installer's link already said (npm, Homebrew)
if [ -z "${BEDROCK_SETUP_COMMAND:-}" ]; then
  BEDROCK_SETUP_COMMAND="$app/bin/bedrock-setup"
  export BEDROCK_SETUP_COMMAND
fi
# Which cache (decision 0044): a JDK 25 cache loads every class it holds at start, so a command that does not call
# AWS starts from the small cache trained on those commands alone, and only one that calls AWS maps the large one
# with the SDK's classes. The choice changes nothing but speed; a command line it misjudges still runs.
cache=bedrock-setup-offline
case "${1:-}" in
  doctor | verify | models | policy | login | export-credentials | team) cache=bedrock-setup ;;
  init | setup) for a in "$@"; do [ "$a" = --yes ] || [ "$a" = --demo ] && cache=bedrock-setup; done ;;
esac
for a in "$@"; do
  case "$a" in --offline | --help | -h | --version | -V) cache=bedrock-setup-offline ;; esac
done
exec "$app/lib/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
  -XX:AOTCache="$app/lib/app/$cache.aot" -cp "$app/lib/app/bedrock-setup.jar" dev.bedrocksetup.Main "$@"
