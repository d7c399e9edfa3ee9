# Sourced by bench/run: what its phases measure with (the run's cells for the ratios table, goals met or not,
# parsing of the drivers' lines, RSS, CPU ticks) and the tokens they load with.

keep() { echo "$2" > "$OUT.ratio.$1"; } # a cell of this run's row in the ratios table (phases run in subshells)
kept() { cat "$OUT.ratio.$1" 2>/dev/null || true; }
met() { # met 12.3 '<= 10'
  [[ "$1" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "not measured"; return; }
  awk -v v="$1" "BEGIN {exit !(v $2)}" && echo met || echo "NOT met"
}
rate_of() { sed -n 's/.*[[:space:]]\([0-9][0-9.]*\) \/s   p50.*/\1/p' "$1"; }     # from a saturate/e2e line
p99_of() { sed -n 's/.*p99 *\([0-9][0-9.]*\) ms.*/\1/p' "$1"; }
heaps() { # the services' -Xmx, from their command lines
  local f out=""
  for f in "$TSUNAGU_HOME"/run/*-service.pid; do
    out="$out $(basename "$f" .pid)=$(ps -o args= -p "$(cat "$f")" 2>/dev/null | grep -o -- '-Xmx[^ ]*' | head -1 || true)"
  done
  echo "$out"
}
rss_goal() { # "name=NNNMB ..." → the same with each service at or over 256 MB flagged; keeps the largest as $2
  local item mb max=0 who="" out=""
  for item in $1; do
    mb=${item#*=}; mb=${mb%MB}
    out="$out $item$([ "$mb" -lt 256 ] || echo ' (OVER)')"
    [ "$mb" -le "$max" ] || { max=$mb; who=${item%%=*}; }
  done
  [ "$max" = 0 ] || keep "$2" "$max ${who%-service}"
  echo "$out   goal < 256 MB each: $(met "$max" '< 256')"
}
rss() { # name=MB of every process of the run
  local f out=""
  for f in "$TSUNAGU_HOME"/run/*.pid; do
    out="$out $(basename "$f" .pid)=$(( $(ps -o rss= -p "$(cat "$f")" 2>/dev/null || echo 0) / 1024 ))MB"
  done
  echo "$out"
}
peak_rss() { # samples RSS every second until the file $1 exists; prints the peak per process
  local stop=$1; declare -A peak; local f name v
  while [ ! -e "$stop" ]; do
    for f in "$TSUNAGU_HOME"/run/*-service.pid; do
      name=$(basename "$f" .pid); v=$(ps -o rss= -p "$(cat "$f")" 2>/dev/null || echo 0)
      [ "${peak[$name]:-0}" -lt "$v" ] && peak[$name]=$v
    done
    sleep 1
  done
  for name in "${!peak[@]}"; do printf ' %s=%sMB' "$name" $((peak[$name] / 1024)); done | tr ' ' '\n' | sort | tr '\n' ' '
}

TCK=$(getconf CLK_TCK)
ticks_of() { # user + system CPU ticks of a pid; with "children", also those of its reaped children
  local rest; rest=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  # after "pid (comm) " the fields are shifted by two: utime 12, stime 13, cutime 14, cstime 15
  awk -v c="${2:-}" '{print $12 + $13 + (c == "children" ? $14 + $15 : 0)}' <<<"$rest"
}
run_jvms() { # "name pid" of every JVM the run started but PostgreSQL's launcher (idle: PostgreSQL's own processes count)
  local f
  for f in "$TSUNAGU_HOME"/run/*.pid; do
    [ "$(basename "$f" .pid)" = postgres ] || echo "$(basename "$f" .pid) $(cat "$f")"
  done
}
cpu_ticks() { # name=CPU ticks so far of every process of the run, from /proc (not ps's whole seconds)
  local pid name total postmaster
  while read -r name pid; do echo "$name=$(ticks_of "$pid")"; done < <(run_jvms)
  # PostgreSQL: this run's postmaster with the backends that exited (reaped into its counts), plus its live children
  # (not pgrep -x postgres: other systems on this machine run their own)
  postmaster=$(head -1 "$TSUNAGU_HOME/postgres/postmaster.pid")
  total=$(ticks_of "$postmaster" children)
  for pid in $(pgrep -P "$postmaster"); do total=$((total + $(ticks_of "$pid"))); done
  echo "postgres=$total"
}
# The JIT compilers' threads (C1, C2) of every JVM of the run: name=CPU ticks so far. A compiler thread the JVM ends
# takes its ticks with it; on 2 cores each JVM keeps one thread of each, for good.
jit_ticks() {
  local t name pid total
  while read -r name pid; do
    total=0
    for t in /proc/"$pid"/task/*; do
      case "$(cat "$t/comm" 2>/dev/null)" in
        C1\ CompilerThre*|C2\ CompilerThre*) total=$((total + $(ticks_of "$pid/task/${t##*/}"))) ;;
      esac
    done
    echo "$name=$total"
  done < <(run_jvms)
}
jit_share() { # cpu-before cpu-after jit-before jit-after: the JIT compilers' threads' percent of the system's CPU
  local sys jit
  sys=$(cpu_per "$1" "$2" 1 | sed -n 's/.*(total \([0-9.]*\) ms.*/\1/p')
  jit=$(cpu_per "$3" "$4" 1 | sed -n 's/.*(total \([0-9.]*\) ms.*/\1/p')
  # empty when a total is not a plain figure (a compiler thread that ended in the window can make the JIT's negative)
  awk -v a="$jit" -v b="$sys" 'BEGIN {if (a != "" && b > 0) printf "%.1f", 100 * a / b}'
}
jit_settled() { # a JIT share (jit_share's, maybe empty) at most BENCH_WARMUP_JIT_PERCENT: a warm-up may end
  awk -v j="$1" -v max="$WARMUP_JIT_PCT" 'BEGIN {exit !(j != "" && j <= max)}'
}
now_ms() { date +%s%3N; }
gc_pauses() { # from-ms to-ms: each service's collector pauses between the two, as name=count/total ms/longest ms
  local f pid name out=""
  for f in "$TSUNAGU_HOME"/run/*-service.pid; do
    pid=$(cat "$f") name=$(basename "$f" -service.pid)
    [ -f "$TSUNAGU_HOME/logs/gc-$pid.log" ] || { out+=" $name=?"; continue; }
    # a line: [1796000000123ms] GC(5) Pause Young (Allocation Failure) 30M->10M(60M) 5.123ms
    out+=$(awk -v a="$1" -v b="$2" -v n="$name" '
      /Pause/ {t = substr($1, 2) + 0; ms = $NF; sub(/ms$/, "", ms)
               if (t >= a && t <= b) {c++; s += ms; if (ms + 0 > m) m = ms + 0}}
      END {printf " %s=%d/%.0f/%.0f", n, c, s, m}' "$TSUNAGU_HOME/logs/gc-$pid.log")
  done
  echo "$out"
}
# What the goal counts as the system; the identity provider and the console are printed apart (nothing signs in or
# renders pages in the window: their share is idle work).
SYSTEM=" intake-service routing-service planning-service meeting-service reporting-service kafka kafka-1 kafka-2 kafka-3 postgres "
cpu_per() { # before-file after-file count: CPU milliseconds per item of each process, and the system's sum
  awk -F= -v n="$3" -v tck="$TCK" -v sys="$SYSTEM" 'NR == FNR {before[$1] = $2; next}
    {ms = ($2 - before[$1]) * 1000 / tck / n
     if (index(sys, " " $1 " ")) {total += ms; printf " %s=%.2f", $1, ms} else other = other sprintf(" %s=%.2f", $1, ms)}
    END {printf " (total %.2f ms; outside the system:%s)\n", total, other}' "$1" "$2"
}

# Tokens from the local identity provider live 5 minutes: each phase takes a fresh one (the load driver keeps it
# for the phase, which is shorter).
agency_token() { ./tsunagu token agency --agency kurume-kikan-01 --municipality 402036; }
ANALYST_AT=0
analyst_token() { # renewed after 4 minutes, not at each poll (a JVM start would load the replay being measured)
  if [ $(( $(date +%s) - ANALYST_AT )) -gt 240 ]; then
    ANALYST=$(./tsunagu token analyst --municipality 402036); ANALYST_AT=$(date +%s)
  fi
}
