#!/usr/bin/env python3
"""Builds the workspace benchmark tree: 50,000+ files in a git repository with nested .gitignore files,
ignored directories (node_modules, dist), hidden directories and source-like text. Deterministic (seeded)."""
import os, random, sys
root = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ac-bench-tree"
files = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
rnd = random.Random(42)
words = ["const", "let", "function", "return", "value", "data", "process", "handler", "config", "error", "result", "items", "index", "await", "async", "import", "export", "class", "interface", "string"]
os.makedirs(os.path.join(root, ".git"), exist_ok=True)
open(os.path.join(root, ".gitignore"), "w").write("*.log\nbuild/\n")
n = 0
for a in range(50):
    for b in range(25):
        d = os.path.join(root, f"pkg{a:02d}", f"mod{b:02d}")
        os.makedirs(d, exist_ok=True)
        if b == 0:
            open(os.path.join(root, f"pkg{a:02d}", ".gitignore"), "w").write("*.tmp\n!keep.tmp\n")
        for c in range(files // 1250):
            ext = [".ts", ".js", ".py", ".md", ".log", ".tmp"][c % 6]
            lines = []
            for k in range(rnd.randint(20, 80)):
                line = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 12)))
                if rnd.random() < 0.01:
                    line += " // TODO: fix this"
                lines.append(line)
            open(os.path.join(d, f"file{c:03d}{ext}"), "w").write("\n".join(lines) + "\n")
            n += 1
for extra in ["node_modules/lib", "dist", ".cache/x"]:
    d = os.path.join(root, extra)
    os.makedirs(d, exist_ok=True)
    for c in range(200):
        open(os.path.join(d, f"f{c}.js"), "w").write("module.exports = 1 // TODO\n")
        n += 1
print(f"{root}: {n} files")
