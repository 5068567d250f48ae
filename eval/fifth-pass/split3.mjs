// Fifth pass: seeded split of the four blind writers' questions, made before anyone (tuner or labeller)
// read them: per writer, 40% to the second held-out part, 60% to the third tuning part. Exact duplicates
// (after lower-casing and dropping punctuation) of each other or of the earlier sets are dropped first.
// Prints counts only. Run in the folder holding writer-1..4.jsonl (kept outside the repository).
import { readFileSync, writeFileSync } from "node:fs";

const norm = (q) =>
  q
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const seen = new Set();
for (const f of ["tuning", "tuning2", "heldout"])
  for (const q of JSON.parse(readFileSync(new URL(`../${f}.json`, import.meta.url), "utf8")).questions)
    seen.add(norm(q.q));
let seed = 20261130 + 5;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const tuning = [],
  held = [];
let dropped = 0;
for (const w of [1, 2, 3, 4]) {
  const lines = readFileSync(`writer-${w}.jsonl`, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const kept = lines.filter((x) => {
    const k = norm(x.q);
    if (seen.has(k)) {
      dropped++;
      return false;
    }
    seen.add(k);
    return true;
  });
  const shuffled = kept
    .map((q) => [rand(), { ...q, writer: w }])
    .sort((a, b) => a[0] - b[0])
    .map(([, q]) => q);
  const cut = Math.round(shuffled.length * 0.4);
  held.push(...shuffled.slice(0, cut));
  tuning.push(...shuffled.slice(cut));
}
const ids = (xs, p) =>
  xs.map((q, i) => ({
    id: `${p}${String(i + 1).padStart(3, "0")}`,
    q: q.q,
    persona: q.persona,
    style: q.style,
    writer: q.writer,
  }));
writeFileSync("tuning3-unlabelled.json", JSON.stringify({ questions: ids(tuning, "v") }, null, 1));
writeFileSync("heldout2-unlabelled.json", JSON.stringify({ questions: ids(held, "k") }, null, 1));
console.log({ tuning3: tuning.length, heldout2: held.length, droppedDuplicates: dropped });
