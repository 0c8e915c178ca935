import React from "react"

export function App() {
  return (
    <div>
      <span>hello</span>
    </div>
  )
}

const Small = () => (
  <p>hi</p>
)
