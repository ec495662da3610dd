#!/usr/bin/env bash
# Run a command with a working OS keychain. On a Linux machine without a desktop session (CI, a
# container, SSH), start a throwaway Secret Service (gnome-keyring in its own D-Bus session with
# a fresh XDG_DATA_HOME, unlocked with a dummy password) so keytar talks to a real keyring.
# Anywhere a session bus already exists (a desktop), or on macOS/Windows, run the command as is.
set -u
if [ "$(uname -s)" = "Linux" ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] \
   && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  XDG_DATA_HOME=$(mktemp -d)
  export XDG_DATA_HOME
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
  # shellcheck disable=SC2016
  dbus-run-session -- sh -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"
  exit $?
fi
exec "$@"
