// comment
function add(a, b) {
  const s = a + b
  return s
}

const mul = (a, b) => {
  const p = a * b
  return p
}

class A {
  m() {
    return 1
  }
}
