// Differential check: `agentcore tokens --encoding E --ids FILE` must print exactly the ids of the reference
// tokenizer (npm tiktoken 1.0.21, as the extension calls it: encode(text, undefined, []), i.e. special-token
// text is ordinary text). Inputs: seeded random texts mixing ASCII, whitespace runs, CRLF, punctuation, CJK,
// astral-plane letters and digits, combining marks, emoji with ZWJ/modifiers, U+FEFF, Cyrillic, Arabic, English
// contractions and special-token text; plus invalid UTF-8 (decoded with U+FFFD as Node does) and every file
// given on the command line. Usage: node diff.js AGENTCORE_BINARY [FILES...]   (exit 1 on any mismatch)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { get_encoding } = require('tiktoken');

const bin = process.argv[2];
if (!bin) { console.error('usage: node diff.js AGENTCORE_BINARY [FILES...]'); process.exit(2); }
const pools = ['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789', ' \t\n\r\u00a0\u2003\u3000',
  '.,;:!?\'"()[]{}<>/\\|-_=+*&^%$#@~`', '你好世界中文字', '𝐀𝐁𝐚𝐛𝟘𝟙𝟚𠀀𠀁𪜀', '\u0301\u0308\u0903\u093f', '😀🎉👍🏽\u200d',
  '\ufeff', 'éàüßøÅÆÇ', 'ДжЯяЀ', 'ـءآأ١٢٣', "'s't're've'm'll'd'S'T'RE", '<|endoftext|><|endofprompt|>', '\r\n'];
let seed = 20261126;
const next = n => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentcore-tiktoken-diff-'));
const files = [];
for (let i = 0; i < 150; i++) {
  let s = '';
  const len = 1 + next(300);
  for (let j = 0; j < len; j++) {
    const cps = Array.from(pools[next(pools.length)]);
    for (let run = 1 + next(8); run > 0; run--) s += cps[next(cps.length)];
  }
  const f = path.join(dir, `random-${i}.txt`);
  fs.writeFileSync(f, s, 'utf8');
  files.push(f);
}
const invalid = path.join(dir, 'invalid-utf8.txt');
fs.writeFileSync(invalid, Buffer.from([0x61, 0xff, 0x62, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x7a, 0xf0, 0x9f, 0x98]));
files.push(invalid);
const long = path.join(dir, 'long-runs.txt');
fs.writeFileSync(long, ' '.repeat(20000) + 'x'.repeat(40000) + '\n'.repeat(3000) + '1234567'.repeat(500), 'utf8');
files.push(long);
files.push(...process.argv.slice(3));

let checked = 0, bad = 0;
for (const enc of ['o200k_base', 'cl100k_base']) {
  const e = get_encoding(enc);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const expected = Array.from(e.encode(text, undefined, [])).join(' ');
    const out = execFileSync(bin, ['tokens', '--encoding', enc, '--ids', f], { maxBuffer: 1 << 28 }).toString();
    const got = out.slice(0, out.lastIndexOf('\t'));
    checked++;
    if (got !== expected) {
      bad++;
      if (bad <= 3) console.log(`MISMATCH ${enc} ${f}\n  expected ${expected.slice(0, 300)}\n  got      ${got.slice(0, 300)}`);
    }
  }
  e.free();
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`tiktoken-diff: ${checked - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
