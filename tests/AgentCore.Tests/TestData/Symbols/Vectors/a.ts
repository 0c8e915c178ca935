import { x } from "y"

export class Foo {
  private a = 1

  constructor() {
    this.a = 2
  }

  bar(x: number): number {
    return x + 1
  }
}

function helper() {
  return 1
}

interface Shape {
  area(): number
  name: string
}
