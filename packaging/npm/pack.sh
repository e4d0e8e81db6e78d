#!/usr/bin/env bash
# Packs the npm packages from a runtime image (packaging/image/build-image.sh):
#
#   packaging/npm/pack.sh IMAGE_DIR [OUT_DIR]
#
# OUT_DIR (default target/dist) gets bedrock-setup-VERSION.tgz (the package users install: a launcher in Node, and
# the platform packages as optional dependencies, the layout Claude Code's own package uses) and
# bedrock-setup-PLATFORM-VERSION.tgz (the image: its native launcher, the app and its Java runtime). The release
# publishes the other platforms' packages from their images in the same way (jreleaser.yml). Needs npm; no network.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: packaging/npm/pack.sh IMAGE_DIR [OUT_DIR]" >&2; exit 2; }
image="$(cd "$1" && pwd -P)"
out="${2:-$here/target/dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd -P)"

# bedrock-setup-0.1.0-SNAPSHOT-linux-x64 -> version 0.1.0-SNAPSHOT, platform linux-x64
base="$(basename "$image")"
version="${base#bedrock-setup-}"
version="${version%-*-*}"
platform="${base#bedrock-setup-"$version"-}"
case "$platform" in
  linux-x64) os=linux; cpu=x64; libc='"libc": ["glibc"], ' ;;
  linux-arm64) os=linux; cpu=arm64; libc='"libc": ["glibc"], ' ;;
  *) echo "pack: unknown platform $platform" >&2; exit 2 ;;
esac

stage="$out/npm-stage"
rm -rf "$stage"
mkdir -p "$stage/platform" "$stage/main"

# The platform package: the image as it is.
cp -a "$image/bin" "$image/lib" "$stage/platform/"
cat >"$stage/platform/package.json" <<JSON
{
  "name": "bedrock-setup-$platform",
  "version": "$version",
  "description": "bedrock-setup for $platform: its Java runtime and the app (installed by the bedrock-setup package)",
  "homepage": "https://github.com/bedrock-setup/bedrock-setup",
  "license": "Apache-2.0",
  "os": ["$os"], "cpu": ["$cpu"], $libc
  "bedrockSetupLauncher": "bin/bedrock-setup",
  "files": ["bin", "lib"]
}
JSON

# The package users install, its version and its optional dependencies' versions set to this one.
cp -a "$here/packaging/npm/bedrock-setup/." "$stage/main/"
sed -i "s/0\.0\.0-set-by-pack/$version/g" "$stage/main/package.json"

(cd "$stage/platform" && npm pack --silent --pack-destination "$out" >/dev/null)
(cd "$stage/main" && npm pack --silent --pack-destination "$out" >/dev/null)
rm -rf "$stage"
ls "$out/bedrock-setup-$version.tgz" "$out/bedrock-setup-$platform-$version.tgz"
