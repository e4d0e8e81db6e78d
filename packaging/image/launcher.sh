#!/bin/sh
# bedrock-setup's launcher in the runtime image (packaging/image/build-image.sh puts it at bin/bedrock-setup in
# place of jpackage's native launcher, which runs `rpm -qf` and `dpkg -S` on itself at every start: measured here,
# twice the CPU time of the whole --version). Follows the links npm and the .deb make to it, then starts the image's
# java with the flags and the AOT cache the cache was trained with (the same class path).
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
exec "$app/lib/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:AOTCache="$app/lib/app/bedrock-setup.aot" -cp "$app/lib/app/bedrock-setup.jar" dev.bedrocksetup.Main "$@"
