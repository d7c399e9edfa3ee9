# Sourced by bench/run (its settings, helpers and system are in scope): a synthetic log followed live by reporting,
# its ceilings, then replays.

# Replay: the services stop reading the stage topics (they would otherwise act on the synthetic log), then the log
# grows to the asked size, reporting's live consumer catches up with it, and a replay rebuilds every projection.
./tsunagu stop >/dev/null
MP_MESSAGING_INCOMING_STAGE_EVENTS_TOPICS=tsunagu.bench.idle MP_MESSAGING_INCOMING_STAGE_EVENTS_GROUP_ID=bench-idle \
  TSUNAGU_REPLAY_CATCH_UP_WAIT=1s ./tsunagu up >/dev/null
bench generate --bootstrap "$BOOTSTRAP" --events "$EVENTS" | tee -a "$OUT"
# reporting alone follows the synthetic log live (the other services would act on it), so the replay's equality check
# compares the same log rebuilt twice: live, a batch at a time, and by the replay
start=$(date +%s.%N)
env -u MP_MESSAGING_INCOMING_STAGE_EVENTS_TOPICS -u MP_MESSAGING_INCOMING_STAGE_EVENTS_GROUP_ID \
  ./tsunagu restart reporting-service >/dev/null
bench drained --bootstrap "$BOOTSTRAP" --groups reporting-service --timeout 3600 >/dev/null
echo "live reporting consumer caught up with the log in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f", e - s}') s (restart included)" | tee -a "$OUT"
bench bare-consumer --bootstrap "$BOOTSTRAP" | tee -a "$OUT"
bench decode-consumer --bootstrap "$BOOTSTRAP" | tee -a "$OUT" "$OUT.decode"
# one replay through the API, as an analyst asks for it; its final view in $view
replay() {
  analyst_token
  id=$(curl -fsS -X POST "$REPORTING/replays" -H "Authorization: Bearer $ANALYST" -H 'Content-Type: application/json' \
    -d '{}' | sed -n 's/.*"replayId":"\([^"]*\)".*/\1/p')
  while :; do
    analyst_token
    view=$(curl -fsS "$REPORTING/replays/$id" -H "Authorization: Bearer $ANALYST")
    case "$view" in *'"status":"DONE"'*|*'"status":"FAILED"'*) break ;; esac
    sleep 2
  done
}
# Steady state, as the HTTP figures: the first replays after a restart compile the load's path, and the rate rose over
# several (measured by hand 2026-12-06 at 200,000 events, outside bench/run: 20,619, 30,331, 40,129, 39,699 events/s on
# the first four, then 44,000–49,500; in bench/run at 3871a76 three warm-ups were not enough: 48, 50, 61 then measured
# 61, 72, 79 thousand). So at least BENCH_REPLAY_WARMUPS replays (3; the first, a city's cold replay, is printed), and
# more, up to BENCH_REPLAY_WARMUPS_MAX (12), while the JIT compilers' threads took more than BENCH_WARMUP_JIT_PERCENT
# (5, the HTTP warm-up's) of the system's CPU in the last of them; then BENCH_REPLAYS measured ones (3, at least 1),
# and the median of those (the lower of the two middle ones for an even count) is the figure, each of them printed,
# as the decode-only consumer gives its median pass of five (each at least 3 s of whole reads of the log) after at
# least 15 s of reads (EventLog). The resident peak is of them all: a city's first replay on a running service is a
# cold one.
WARMUP_REPLAYS=${BENCH_REPLAY_WARMUPS:-3}
WARMUP_REPLAYS_MAX=${BENCH_REPLAY_WARMUPS_MAX:-12}
MEASURED_REPLAYS=${BENCH_REPLAYS:-3}
[[ "$WARMUP_REPLAYS" =~ ^[0-9]+$ && "$WARMUP_REPLAYS_MAX" =~ ^[0-9]+$ && "$MEASURED_REPLAYS" =~ ^[1-9][0-9]*$ ]] \
  || { echo "bench/run: BENCH_REPLAY_WARMUPS and BENCH_REPLAY_WARMUPS_MAX must be 0 or more, BENCH_REPLAYS 1 or more" >&2; exit 2; }
[ "$WARMUP_REPLAYS_MAX" -ge "$WARMUP_REPLAYS" ] || WARMUP_REPLAYS_MAX=$WARMUP_REPLAYS
[ "$WARMUP_REPLAYS" -gt 0 ] || WARMUP_REPLAYS_MAX=0 # none asked: none, whatever the JIT
peak_rss "$STOP" > "$OUT.peak" &
for ((i = 1; i <= WARMUP_REPLAYS_MAX; i++)); do
  cpu_ticks > "$OUT.rcpu0"; jit_ticks > "$OUT.rjit0"
  replay
  cpu_ticks > "$OUT.rcpu1"; jit_ticks > "$OUT.rjit1"
  warm_jit=$(jit_share "$OUT.rcpu0" "$OUT.rcpu1" "$OUT.rjit0" "$OUT.rjit1")
  echo "$view" | sed -n "s/.*\"eventsPerSecond\":\([0-9]*\).*\"figuresEqual\":\([a-z]*\).*/warm-up replay $i$( [ $i = 1 ] && echo ' (cold, the first after a restart)'): \1 events\/s, figures equal: \2, the JIT compilers at ${warm_jit:-?} % of the system's CPU/p" | tee -a "$OUT"
  if [ "$i" -ge "$WARMUP_REPLAYS" ] && jit_settled "$warm_jit"; then
    break
  fi
  [ "$i" -lt "$WARMUP_REPLAYS_MAX" ] \
    || echo "  warm-up stopped at BENCH_REPLAY_WARMUPS_MAX=$WARMUP_REPLAYS_MAX, the JIT at ${warm_jit:-?} % (at most $WARMUP_JIT_PCT asked): the replays measured are not steady state" | tee -a "$OUT"
done
# reporting's collector pauses in a window as long as a replay's load, from the end of its migration (the view's
# start, migration and load times; the load starts with its first read, a little after the migration, so the window
# is close to the load, not exact): a pause stops the lanes and their writers (measured by hand 2026-12-07: ~28 young
# pauses and one full one, 0.2–0.4 s of a 2.2 s load)
load_pauses() {
  local started migration load start_ms from to pauses
  started=$(sed -n 's/.*"startedAt":"\([^"]*\)".*/\1/p' <<<"$1")
  migration=$(sed -n 's/.*"migrationSeconds":\([0-9.]*\).*/\1/p' <<<"$1")
  load=$(sed -n 's/.*"loadSeconds":\([0-9.]*\).*/\1/p' <<<"$1")
  [ -n "$started" ] && [ -n "$migration" ] && [ -n "$load" ] || return 0
  start_ms=$(date -d "$started" +%s%3N 2>/dev/null) || return 0
  read -r from to < <(awk -v s="$start_ms" -v m="$migration" -v l="$load" \
    'BEGIN {printf "%.0f %.0f\n", s + 1000 * m, s + 1000 * (m + l)}')
  pauses=$(gc_pauses "$from" "$to" | tr ' ' '\n' | sed -n 's/^reporting=//p')
  awk -v p="$pauses" -v l="$load" 'BEGIN {split(p, x, "/"); if (p != "" && x[1] != "?" && l > 0)
    printf "  reporting'"'"'s collector in the load'"'"'s time: %d pauses, %d ms in all (%.1f %% of the load), the longest %d ms\n", x[1], x[2], x[2] / (10 * l), x[3]}'
}
views=()
# the statements of the measured replays alone (their loads, index builds and comparisons), per 1,000 events loaded
bench pg-stats --url "$PG_URL" --reset
for ((i = 1; i <= MEASURED_REPLAYS; i++)); do
  replay
  views+=("$view")
  echo "$view" | sed -n "s/.*\"eventsPerSecond\":\([0-9]*\).*\"loadSeconds\":\([0-9.]*\).*\"comparisonSeconds\":\([0-9.]*\).*\"figuresEqual\":\([a-z]*\).*/measured replay $i: \1 events\/s (load \2 s, comparison \3 s), figures equal: \4/p" | tee -a "$OUT"
  load_pauses "$view" | tee -a "$OUT"
done
touch "$STOP"; wait
# the ceiling again, after the replays: this machine's speed drifts by up to a third within an hour (2026-12-07:
# decode-only 331,000/s at 14:55, 256,000/s at 18:24), so the replay is set against the mean of the ceilings read
# before and after it, and a large gap between the two says the ratio is not to be trusted
bench decode-consumer --bootstrap "$BOOTSTRAP" | sed 's/^decode-only consumer,/decode-only consumer again,/' \
  | tee -a "$OUT" "$OUT.decode2" \
  || echo "the decode-only consumer could not run again: the replay is set against the first reading" | tee -a "$OUT"
loaded=0
for v in "${views[@]}"; do loaded=$((loaded + $(sed -n 's/.*"eventsDone":\([0-9]*\).*/\1/p' <<<"$v"))); done
# a list that fails is said, and the run goes on: the replay's figure does not depend on it
[ "$loaded" -lt 1000 ] || bench pg-stats --url "$PG_URL" --per $((loaded / 1000)) --unit "1,000 events" --top 12 --by-text \
  | tee -a "$OUT" || echo "the statements of the measured replays could not be listed" | tee -a "$OUT"
# the median replay by its rate; figures equal only when every measured replay's were
view=$(for v in "${views[@]}"; do printf '%s\t%s\n' "$(sed -n 's/.*"eventsPerSecond":\([0-9]*\).*/\1/p' <<<"$v")" "$v"; done \
  | sort -n | sed -n "$(( (${#views[@]} + 1) / 2 ))p" | cut -f2-)
for v in "${views[@]}"; do grep -q '"figuresEqual":true' <<<"$v" || view=$(sed 's/"figuresEqual":true/"figuresEqual":false/' <<<"$view"); done
echo "$view" | sed -n 's/.*"eventsDone":\([0-9]*\).*"eventsPerSecond":\([0-9]*\).*"migrationSeconds":\([0-9.]*\),"loadSeconds":\([0-9.]*\),"indexSeconds":\([0-9.]*\),"comparisonSeconds":\([0-9.]*\).*"figuresEqual":\([a-z]*\).*/replay (all reporting projections), the median of the measured:   \2 events\/s over the load (\1 events in \4 s; migration \3 s, indexes built after the load \5 s, comparison \6 s, figures equal: \7)/p' | tee -a "$OUT"
replay_eps=$(sed -n 's/.*"eventsPerSecond":\([0-9.]*\).*/\1/p' <<<"$view")
rate_in() { [ -f "$1" ] && sed -n 's/.*[[:space:]]\([0-9][0-9.]*\) events\/s.*/\1/p' "$1" || true; } # a consumer's line's rate
decode_before=$(rate_in "$OUT.decode")
decode_after=$(rate_in "$OUT.decode2")
decode_eps=$(awk -v a="$decode_before" -v b="$decode_after" 'BEGIN {if (a != "" && b != "") printf "%.0f", (a + b) / 2; else if (a != "") print a}')
[ -z "$decode_before" ] || [ -z "$decode_after" ] || echo "decode-only ceiling: $decode_before/s before the replays, $decode_after/s after ($(awk -v a="$decode_before" -v b="$decode_after" 'BEGIN {printf "%+.1f", 100 * (b - a) / a}') %); the replay is set against their mean, $decode_eps/s" | tee -a "$OUT"
equal=$(sed -n 's/.*"figuresEqual":\([a-z]*\).*/\1/p' <<<"$view")
replay_pct=$(awk -v a="$replay_eps" -v b="$decode_eps" 'BEGIN {if (a != "" && b > 0) printf "%.1f", 100 * a / b}')
[ "$equal" = true ] && equal_word=equal || equal_word="NOT equal"
keep replay "$replay_pct $equal_word"
echo "replay: ${replay_eps:-?} events/s = ${replay_pct:-?} % of the decode-only consumer (${decode_eps:-?}/s), figures $equal_word   goal >= 30 %, equal: $( [ "$equal" = true ] && met "${replay_pct:-0}" '>= 30' || echo 'NOT met')" | tee -a "$OUT"
echo "RSS peak during the replay:$(rss_goal "$(cat "$OUT.peak")" rss-replay)" | tee -a "$OUT"
