#!/usr/bin/env bash
# Builds the Debian packages with CPack, installs them on this machine, checks what they put
# where, runs the installed kiosk under its service user, upgrades it, removes and purges it, and
# checks that nothing stray is left. It changes the machine (a user, files under /usr, /etc, /lib,
# /var/lib), so it needs root and runs alone (ctest label "package", RUN_SERIAL); the packages
# are purged at the end, also when a check fails.
#   package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        exec sudo -n -E "$0" "$@"
    fi
    echo "package_test: needs root (or sudo without a password) to install packages; skipped" >&2
    exit 77
fi

work=$(mktemp -d /var/tmp/hk-package-test.XXXXXX)
chmod 0755 "$work"
failures=0
step() { echo "== $*"; }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        echo "ok: $what"
    else
        echo "FAILED: $what" >&2
        failures=$((failures + 1))
    fi
}
run_ok() { # run_ok WHAT LOG COMMAND...: a failure counts, and shows what the command printed
    local what=$1 log=$2
    shift 2
    if "$@" >"$log" 2>&1; then
        echo "ok: $what"
    else
        cat "$log" >&2
        echo "FAILED: $what" >&2
        failures=$((failures + 1))
    fi
}
purge_all() {
    dpkg --purge hallkiosk hallkiosk-central >/dev/null 2>&1 || true
}
# Folders the packages own that are there already without them (a build-tree kiosk run as root
# with the default config, say): put aside for the test and back afterwards, never purged.
saved=()
cleanup() {
    purge_all
    for d in "${saved[@]}"; do
        rm -rf "$d"
        mv "$work/saved/$(basename "$d")" "$d"
    done
    rm -rf "$work"
}
trap cleanup EXIT

# What is on the machine before, to compare after the purge.
snapshot() {
    find /etc /usr /lib /var /opt /srv -xdev \
        \( -path /var/tmp -o -path /var/cache -o -path /var/log -o -path /var/lib/dpkg -o -path /var/lib/apt \
           -o -path /var/lib/systemd/deb-systemd-helper-enabled -o -path /var/lib/systemd/deb-systemd-helper-masked \) -prune \
        -o -print 2>/dev/null | sort
}

step "packages from CPack"
purge_all # an earlier run that was killed
cpack --config "$build/CPackConfig.cmake" -B "$work/packages" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    exit 1
}
kiosk_deb=$(ls "$work"/packages/hallkiosk_*.deb)
central_deb=$(ls "$work"/packages/hallkiosk-central_*.deb)
version=$(dpkg-deb -f "$kiosk_deb" Version)
dpkg-deb -c "$kiosk_deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/kiosk.files"
for f in /usr/bin/hallkiosk /usr/bin/hallkiosk-udev-rules /usr/libexec/hallkiosk/after-exit \
    /usr/share/hallkiosk/assets/i18n/zh-Hans.po /usr/share/hallkiosk/rime/luna_pinyin.table.bin \
    /etc/hallkiosk/kiosk.toml /etc/hallkiosk/devices.toml /lib/systemd/system/hallkiosk.service \
    /lib/systemd/system/hallkiosk-compositor.service /lib/udev/rules.d/70-hallkiosk.rules \
    /usr/share/doc/hallkiosk/deploy.md; do
    check "the kiosk package holds $f" grep -qx "$f" "$work/kiosk.files"
done
check "nothing of the central endpoint in the kiosk package" bash -c "! grep -q central-admin '$work/kiosk.files'"
dpkg-deb -c "$central_deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/central.files"
for f in /usr/bin/hallkiosk-central /usr/bin/central-admin /lib/systemd/system/hallkiosk-central.service \
    /etc/hallkiosk-central/catalogue/categories.json; do
    check "the central package holds $f" grep -qx "$f" "$work/central.files"
done
check "the kiosk's config is a conffile" bash -c "dpkg-deb --ctrl-tarfile '$kiosk_deb' | tar -xO ./conffiles | grep -qx /etc/hallkiosk/kiosk.toml"
check "the kiosk depends on the fonts it draws with" bash -c "dpkg-deb -f '$kiosk_deb' Depends | grep -q fonts-noto-cjk"
check "the kiosk's libraries are found by dpkg-shlibdeps" bash -c "dpkg-deb -f '$kiosk_deb' Depends | grep -q libsdl2"

mkdir -p "$work/saved"
for d in /etc/hallkiosk /var/lib/hallkiosk /etc/hallkiosk-central /var/lib/hallkiosk-central; do
    if [ -e "$d" ]; then
        echo "package_test: $d is there without the package; put aside until the end" >&2
        mv "$d" "$work/saved/"
        saved+=("$d")
    fi
done
snapshot >"$work/before.list"

step "install"
if ! dpkg -i "$kiosk_deb" "$central_deb" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    echo "FAILED: dpkg -i (missing dependencies? scripts/setup installs them)" >&2
    exit 1
fi
check "the kiosk's user is a system user with no login" \
    bash -c '[ "$(getent passwd hallkiosk | cut -d: -f3)" -lt 1000 ] && getent passwd hallkiosk | grep -q ":/var/lib/hallkiosk:/usr/sbin/nologin$"'
for g in video input; do
    if getent group "$g" >/dev/null; then
        check "hallkiosk is in the group $g" bash -c "id -nG hallkiosk | tr ' ' '\n' | grep -qx $g"
    fi
done
check "hallkiosk is in no group that gives root's powers" bash -c "! id -nG hallkiosk | tr ' ' '\n' | grep -qxE 'root|sudo|adm|disk|shadow'"
check "the state folder is the kiosk user's alone" bash -c '[ "$(stat -c %U:%a /var/lib/hallkiosk)" = hallkiosk:700 ]'
check "the config is root's and readable" bash -c '[ "$(stat -c %U:%a /etc/hallkiosk/kiosk.toml)" = root:644 ]'
check "the binary runs" bash -c "/usr/bin/hallkiosk --version | grep -q '^hallkiosk '"
check "the kiosk service is enabled" test -L /etc/systemd/system/multi-user.target.wants/hallkiosk.service
check "the central service is enabled" test -L /etc/systemd/system/multi-user.target.wants/hallkiosk-central.service
verify_unit() { # the unit, and the one complaint allowed (a program not installed here)
    local out
    out=$(systemd-analyze verify "$1" 2>&1 | grep -v "${2:-^$}" || true)
    [ -z "$out" ] || { echo "$out" >&2; return 1; }
}
check "systemd-analyze verify hallkiosk.service" verify_unit /lib/systemd/system/hallkiosk.service
check "systemd-analyze verify hallkiosk-central.service" verify_unit /lib/systemd/system/hallkiosk-central.service
check "systemd-analyze verify hallkiosk-compositor.service" \
    verify_unit /lib/systemd/system/hallkiosk-compositor.service "Command /usr/bin/cage is not executable"
check "the unit is a watched notify service run as hallkiosk" bash -c \
    "grep -qx 'Type=notify' /lib/systemd/system/hallkiosk.service && grep -q '^WatchdogSec=' /lib/systemd/system/hallkiosk.service && grep -qx 'User=hallkiosk' /lib/systemd/system/hallkiosk.service && grep -qx 'NoNewPrivileges=yes' /lib/systemd/system/hallkiosk.service"
check "the installed udev rules are the kiosk's device table" \
    bash -c "diff <(/usr/bin/hallkiosk-udev-rules) /lib/udev/rules.d/70-hallkiosk.rules"
if udevadm verify --help >/dev/null 2>&1; then
    check "udevadm verify" udevadm verify /lib/udev/rules.d/70-hallkiosk.rules
else
    # udev before 254 has no verify: each rule line is comma-separated KEY op "value" pairs.
    check "the udev rules are well formed" bash -c "grep -v '^#' /lib/udev/rules.d/70-hallkiosk.rules | grep -v '^$' | \
        grep -vE '^([A-Z_]+(\\{[A-Za-z_]+\\})?(==|!=|=|\\+=|:=)\"[^\"]*\"(, )?)+$' | { ! grep -q .; }"
fi

as_kiosk() { runuser -u hallkiosk -- env -i PATH=/usr/bin:/bin HOME=/var/lib/hallkiosk SDL_VIDEODRIVER=offscreen "$@"; }
shots=$work/shots
mkdir -p "$shots"
chown hallkiosk "$shots"

step "a demo session of the installed kiosk, as its user"
run_ok "the demo session ran" "$work/demo.log" as_kiosk /usr/bin/hallkiosk --demo \
    --script "$source/tests/packaging/session.txt" --screenshot-dir "$shots/demo" --size 1280x720
for s in attract home request attract-again; do
    check "screenshot $s" test -s "$shots/demo/$s.png"
done
check "it read the installed config" grep -q "config /etc/hallkiosk/kiosk.toml" "$work/demo.log"
check "pinyin input over the installed Rime data" grep -q "Rime data in /usr/share/hallkiosk/rime" "$work/demo.log"

step "the first start, as the service starts it: no identity yet"
find /var/lib/hallkiosk -mindepth 1 -delete
run_ok "the first start ran" "$work/first.log" as_kiosk /usr/bin/hallkiosk \
    --script "$source/tests/packaging/session.txt" --screenshot-dir "$shots/first" --size 1280x720
check "it made its key in the state folder" bash -c "ls /var/lib/hallkiosk/identity | grep -q ."
check "it says it awaits enrolment" grep -qi "awaits enrolment\|awaiting enrolment" "$work/first.log"
check "its lock is left empty by a clean end" bash -c '[ -f /var/lib/hallkiosk/hallkiosk.lock ] && [ ! -s /var/lib/hallkiosk/hallkiosk.lock ]'
kid=$(grep -o "signs with key [^ ]*" "$work/first.log" | head -1)
check "it names its key" test -n "$kid"

step "a lock left by a kiosk that died"
echo 999999 >/var/lib/hallkiosk/hallkiosk.lock
as_kiosk /usr/bin/hallkiosk --script "$source/tests/packaging/session.txt" --size 1280x720 >"$work/stale.log" 2>&1 || true
check "the stale lock is taken over and reported" grep -q "pid 999999) did not end cleanly" "$work/stale.log"
check "and the kiosk ran" grep -q "first frame after" "$work/stale.log"

step "a second kiosk while one runs"
as_kiosk /usr/bin/hallkiosk --size 1280x720 >"$work/running.log" 2>&1 &
running=$!
for _ in $(seq 1 100); do
    grep -q "first frame after" "$work/running.log" && break
    sleep 0.2
done
set +e
as_kiosk /usr/bin/hallkiosk --size 1280x720 >"$work/second.log" 2>&1
second=$?
set -e
check "the second is refused" bash -c "[ $second -ne 0 ] && grep -q 'another hallkiosk' '$work/second.log'"
# systemd stops the service with SIGTERM to the kiosk itself (not to runuser, which waits for it).
pkill -TERM -u hallkiosk -x hallkiosk || true
set +e
wait "$running"
first_exit=$?
set -e
[ "$first_exit" -eq 0 ] || tail -5 "$work/running.log" >&2
check "SIGTERM ends the running kiosk cleanly" test "$first_exit" -eq 0

step "upgrade: config and state kept"
echo "# an administrator's note" >>/etc/hallkiosk/kiosk.toml
identity_sum=$(cd /var/lib/hallkiosk && find identity -type f -exec sha256sum {} + | sort)
rm -rf "$work/repack"
dpkg-deb -R "$kiosk_deb" "$work/repack"
sed -i "s/^Version: .*/Version: ${version%-*}-99/" "$work/repack/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/repack" "$work/upgrade.deb" >/dev/null
dpkg -i "$work/upgrade.deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; failures=$((failures + 1)); }
check "the new version is installed" bash -c "dpkg-query -W -f='\${Version}' hallkiosk | grep -q -- '-99$'"
check "the administrator's config is kept" grep -q "an administrator's note" /etc/hallkiosk/kiosk.toml
check "the identity is kept" bash -c "[ \"\$(cd /var/lib/hallkiosk && find identity -type f -exec sha256sum {} + | sort)\" = '$identity_sum' ]"
as_kiosk /usr/bin/hallkiosk --script "$source/tests/packaging/session.txt" --size 1280x720 >"$work/after.log" 2>&1 || true
grep -qF "$kid" "$work/after.log" || tail -5 "$work/after.log" >&2
check "the upgraded kiosk signs with the same key" grep -qF "$kid" "$work/after.log"

step "a start that fails after an upgrade shows why"
cp /etc/hallkiosk/kiosk.toml "$work/kiosk.toml.good"
echo "not_a_key = 1" >>/etc/hallkiosk/kiosk.toml
set +e
as_kiosk /usr/bin/hallkiosk --failure-screen 1 --screenshot-dir "$shots/failed" --size 1280x720 >"$work/failed.log" 2>&1
failed_exit=$?
set -e
check "it exits as a config error" test "$failed_exit" -eq 2
check "the journal line names the config's line" grep -q "kiosk.toml:[0-9]*" "$work/failed.log"
check "the out-of-service screen was shown" test -s "$shots/failed/start-failure.png"
cp "$work/kiosk.toml.good" /etc/hallkiosk/kiosk.toml

step "the after-exit helper acts on the power page's exit codes"
mkdir -p "$work/fakebin"
printf '#!/bin/sh\necho "$@" >>%s\n[ "$1" != cat ]\n' "$work/systemctl.calls" >"$work/fakebin/systemctl"
chmod +x "$work/fakebin/systemctl"
run_after() { env PATH="$work/fakebin:/usr/bin:/bin" EXIT_CODE=exited EXIT_STATUS=$1 /usr/libexec/hallkiosk/after-exit >/dev/null; }
: >"$work/systemctl.calls"
run_after 75
check "75 (restart) leaves it to Restart=always" bash -c "[ ! -s '$work/systemctl.calls' ]"
run_after 77
check "77 powers off" grep -qx -- "--no-block poweroff" "$work/systemctl.calls"
: >"$work/systemctl.calls"
run_after 76
check "76 opens the console when there is no desktop" grep -qx -- "--no-block start getty@tty1.service" "$work/systemctl.calls"

step "the central endpoint, as its user"
runuser -u hallkiosk-central -- /usr/bin/central-admin init /var/lib/hallkiosk-central >"$work/init.log" 2>&1 ||
    { cat "$work/init.log" >&2; failures=$((failures + 1)); }
runuser -u hallkiosk-central -- /usr/bin/hallkiosk-central --data /var/lib/hallkiosk-central \
    --catalogue /etc/hallkiosk-central/catalogue --port 0 >"$work/central.log" 2>&1 &
central=$!
for _ in $(seq 1 50); do
    grep -q "listening on" "$work/central.log" && break
    sleep 0.2
done
check "the endpoint listens" grep -q "listening on https://127.0.0.1:" "$work/central.log"
kill "$central" 2>/dev/null || true
wait "$central" 2>/dev/null || true

step "remove keeps config and state; purge leaves nothing"
dpkg --remove hallkiosk hallkiosk-central >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; failures=$((failures + 1)); }
check "the program is gone" test ! -e /usr/bin/hallkiosk
check "its shared files are gone" test ! -e /usr/share/hallkiosk
check "its unit is gone" test ! -e /lib/systemd/system/hallkiosk.service
check "the config stays after remove" test -f /etc/hallkiosk/kiosk.toml
check "the state stays after remove" test -d /var/lib/hallkiosk/identity
dpkg --purge hallkiosk hallkiosk-central >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; failures=$((failures + 1)); }
check "purge deletes the config" test ! -e /etc/hallkiosk
check "purge deletes the state" test ! -e /var/lib/hallkiosk
check "purge deletes the central side's state" test ! -e /var/lib/hallkiosk-central
check "purge leaves no enabled unit" bash -c "! ls /etc/systemd/system/*/hallkiosk* 2>/dev/null | grep -q ."
snapshot >"$work/after.list"
check "nothing stray is left after the purge" bash -c "diff '$work/before.list' '$work/after.list' >&2"

if [ "$failures" -ne 0 ]; then
    echo "package_test: $failures checks failed" >&2
    exit 1
fi
echo "package_test: every check passed"
