#!/usr/bin/env bash
# Builds the self-contained runtime image of bedrock-setup for this machine's platform (linux-x64 here):
#
#   packaging/image/build-image.sh [--jdk DIR] [--jar FILE] [--out DIR]
#
# --jdk: a JDK 25+ (jdeps, jlink, jpackage; default $JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64).
# --jar: the shaded jar (default target/bedrock-setup.jar: run ./mvnw -B package first). --out: default target/dist.
#
# Steps (docs/decisions/0021-runtime-image-and-install-channels.md):
#  1. jdeps on the shaded jar gives the JDK modules it needs (jdk.httpserver among them: login's redirect listener
#     and init --demo's stand-in); jlink makes a runtime of exactly those, without debug symbols, headers or man
#     pages, and uncompressed (gzip packs an uncompressed module file smaller, and the JVM starts without inflating).
#  2. jpackage --type app-image puts that runtime and the jar together (the layout jpackage --type deb takes):
#       bedrock-setup-VERSION-linux-x64/bin/bedrock-setup, lib/app/bedrock-setup.jar, lib/runtime/
#     bin/bedrock-setup is then replaced by packaging/image/launcher.sh: jpackage's native launcher runs `rpm -qf`
#     and `dpkg -S` on itself at every start (measured: 0.97 s of CPU for --version against 0.44 s for the shell
#     launcher, under load). The launcher starts the JVM with the flags below.
#  3. Two AOT caches (JDK 25 -XX:AOTCacheOutput) trained by cli.StartupTraining with the image's own java and the
#     launcher's flags: lib/app/bedrock-setup.aot, every command users run, and lib/app/bedrock-setup-offline.aot,
#     the commands that do not call AWS alone (--version, --help, doctor --offline, the wizard to its first question).
#     A JDK 25 cache loads every class it holds at start: the small one spares those commands the AWS SDK's
#     thousands of classes; launcher.sh picks (decision 0044). They hold paths relative to the image, so the image
#     still uses them after being moved (npm and the .deb install it elsewhere). Before that, the jar's Java 5 class
#     files (picocli's, slf4j's), which a cache skips, are rewritten as Java 8 ones (packaging/image/
#     ModernClassFiles.java; same byte code, with stack maps), so the caches hold them too.
#  4. The module check: the training run again on the full JDK, logging where every class came from; every JDK
#     module it loads a class from must be in the image, or the build fails (what jdeps cannot see: reflection,
#     service loading).
#  5. target/dist/bedrock-setup-VERSION-linux-x64.tar.gz and its .sha256.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
jdk="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="$here/target/bedrock-setup.jar"
out="$here/target/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --jdk) jdk="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: packaging/image/build-image.sh [--jdk DIR] [--jar FILE] [--out DIR]" >&2; exit 2 ;;
  esac
done
[ -x "$jdk/bin/jlink" ] && [ -x "$jdk/bin/jpackage" ] \
  || { echo "build-image: no JDK with jlink and jpackage at $jdk (set JAVA25_HOME or pass --jdk)" >&2; exit 3; }
feature="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "${feature%%.*}" -ge 25 ] 2>/dev/null \
  || { echo "build-image: $jdk is Java $feature; the AOT cache needs 25 or newer" >&2; exit 3; }
[ -f "$jar" ] || { echo "build-image: no $jar (run ./mvnw -B -DskipTests package first)" >&2; exit 3; }

# The flags of every start (docs/performance.md): a short-lived CLI, so C1 only and the serial collector; and jline's
# native terminal access granted, or Java 22+ prints four warnings when the wizard opens the terminal (the jar's
# Enable-Native-Access manifest entry counts for java -jar only). The training runs use them too: a cache made
# without the grant is refused by a JVM started with it (the module options must match).
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED)
# The caches hold classes, not the training's method profiles (decision 0050): with them, every start replays the
# training's hot methods into the JIT, which cost a short command more than it gave (doctor --offline 250 -> 199 ms,
# the online doctor's compiler thread 260 -> 130 ms of CPU). A diagnostic flag of JDK 25; a JDK without it trains
# with the profiles.
no_profiles=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
"$jdk/bin/java" "${no_profiles[@]}" -version >/dev/null 2>&1 || no_profiles=()

version="$("$jdk/bin/java" -jar "$jar" --version | awk '{print $2}')"
# npm's names for the platform (process.platform-process.arch). Built and tested here on linux x64 only: on macOS
# jpackage makes bedrock-setup.app and on Windows bedrock-setup.exe, which the steps below do not handle yet.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  *) echo "build-image: $(uname -s) $(uname -m) is not handled yet (linux x64 and arm64 are)" >&2; exit 3 ;;
esac
name="bedrock-setup-$version-$platform"
work="$out/work"
image="$out/$name"
rm -rf "$work" "$image" "$out/$name.tar.gz" "$out/$name.tar.gz.sha256"
mkdir -p "$work/input" "$out"
echo "build-image: Java 5 class files rewritten as Java 8 ones, for the AOT cache" >&2
"$jdk/bin/java" "$here/packaging/image/ModernClassFiles.java" "$jar" "$work/input/bedrock-setup.jar" >/dev/null

echo "build-image: jdeps" >&2
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release "${feature%%.*}" --print-module-deps "$jar" | tail -1)"
case ",$modules," in *,jdk.httpserver,*) ;; *)
  echo "build-image: jdeps did not list jdk.httpserver ($modules); login and init --demo need it" >&2; exit 1 ;;
esac
echo "$modules" >"$work/modules"

echo "build-image: jlink $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$work/runtime"
# npm's tarballs drop symbolic links: the legal notices jlink links to become copies
find "$work/runtime/legal" -type l | while read -r l; do cp --remove-destination "$(readlink -f "$l")" "$l"; done

echo "build-image: jpackage app-image" >&2
"$jdk/bin/jpackage" --type app-image --name bedrock-setup --dest "$work/app" \
  --runtime-image "$work/runtime" --input "$work/input" --main-jar bedrock-setup.jar \
  --main-class dev.bedrocksetup.Main --app-version "${version%%-*}"
mv "$work/app/bedrock-setup" "$image"
rm -f "$image/bin/bedrock-setup" "$image/lib/app/bedrock-setup.cfg" # the native launcher and its configuration
install -m 755 "$here/packaging/image/launcher.sh" "$image/bin/bedrock-setup"
grep -q -- "${flags[*]}" "$image/bin/bedrock-setup" \
  || { echo "build-image: packaging/image/launcher.sh does not start java with: ${flags[*]}" >&2; exit 1; }

echo "build-image: AOT caches (training runs)" >&2
training="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-setup-training.XXXXXX")"
trap 'rm -rf "$training"' EXIT
train() { # CACHE [--offline]: a training run in a throw-away home, writing that cache
  local cache="$1"
  shift
  (cd "$training" && env -i PATH=/usr/bin:/bin HOME="$training" LANG=C.UTF-8 \
    "$image/lib/runtime/bin/java" "${flags[@]}" "${no_profiles[@]}" -XX:AOTCacheOutput="$cache" \
    -cp "$image/lib/app/bedrock-setup.jar" dev.bedrocksetup.cli.StartupTraining "$@" "$training/run") \
    </dev/null >"$work/training.log" 2>&1 || { cat "$work/training.log" >&2; exit 1; }
  [ -s "$cache" ] || { cat "$work/training.log" >&2; exit 1; }
  rm -rf "$training/run"
}
train "$image/lib/app/bedrock-setup.aot"
train "$image/lib/app/bedrock-setup-offline.aot" --offline

echo "build-image: module check (the same training on the full JDK)" >&2
rm -rf "$training/run"
(cd "$training" && env -i PATH=/usr/bin:/bin HOME="$training" LANG=C.UTF-8 \
  "$jdk/bin/java" "${flags[@]}" -Xshare:off -Xlog:class+load=info:file="$training/classes.log" \
  -cp "$jar" dev.bedrocksetup.cli.StartupTraining "$training/run") </dev/null >/dev/null 2>&1
sed -n 's/.* source: jrt:\/\([^ ]*\).*/\1/p' "$training/classes.log" | sort -u >"$work/modules-loaded"
sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release" | tr ' ' '\n' | sort -u >"$work/modules-in-image"
# Modules probed for only because they are there: two by the JDK, from java.base, with a fallback when absent:
# jdk.localedata (the locale data of languages other than English, found by service loading; our messages are
# English and java.base has the English data) and jdk.net (extended socket options, looked up by name; none set).
# And one picocli probes for: java.sql (converters for java.sql.Time and Timestamp, registered by reflection only when
# the module is there; no option of ours has such a type). jackson-databind brought java.sql into jdeps' list until
# it moved to test scope (decision 0026). And one jline probes for: jdk.charsets (a Windows code page's charset, looked
# up by name while building the wizard's terminal; on Linux and macOS the answer is not used).
optional_probes='^jdk\.localedata$|^jdk\.net$|^java\.sql$|^jdk\.charsets$'
missing="$(comm -23 "$work/modules-loaded" "$work/modules-in-image" | grep -Ev "$optional_probes" || true)"
if [ -n "$missing" ] || [ ! -s "$work/modules-loaded" ]; then
  echo "build-image: the commands load classes of modules the image lacks: ${missing:-(no class log)}" >&2
  exit 1
fi

echo "build-image: archive" >&2
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
rm -rf "$work/input" "$work/app" "$work/runtime"
echo "$image"
