# Sourced by the long-running commands (fuzz.sh, soak.sh): the one rule for their --minutes value.

# check_minutes COMMAND VALUE: exits 2 naming --minutes unless VALUE is a positive number.
check_minutes() {
  if ! [[ $2 =~ ^[0-9]+([.][0-9]+)?$ ]] || awk -v m="$2" 'BEGIN { exit !(m <= 0) }'; then
    echo "$1: --minutes must be a positive number of minutes, got '$2'" >&2
    exit 2
  fi
}
