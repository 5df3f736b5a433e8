// Runs compromise over the same articles as bench/pipeline: for each, the
// quotations, people, places and organisations. Prints articles/s.
// Usage: node compromise.js DIR ROUNDS (compromise resolved from NODE_PATH)
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');

const dir = process.argv[2];
const rounds = parseInt(process.argv[3] || '1', 10);
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => {
    const s = fs.readFileSync(path.join(dir, f), 'utf8');
    const i = s.indexOf('\n---\n');
    return i >= 0 ? s.slice(i + 5) : s;
  });
let found = 0;
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const t of texts) {
    const doc = nlp(t);
    found += doc.quotations().length + doc.people().length + doc.places().length + doc.organizations().length;
  }
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
const n = texts.length * rounds;
console.log(`compromise ${nlp.version}: ${n} articles in ${secs.toFixed(1)} s, ` +
  `${(n / secs).toFixed(1)} articles/s (${found} quotations and names found), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
console.log(`RESULT articles_per_s=${(n / secs).toFixed(1)}`);
