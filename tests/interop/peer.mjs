// Stock automerge-repo peers for the interop tests and the benchmark.
//
//   node peer.mjs create WS_URL             create a document, make sure the
//       server has it, print {"url"}, then wait until someone sets "rust"
//       and print {"seen"}.
//   node peer.mjs edit WS_URL AUTOMERGE_URL  find a document, print its title,
//       set "fromNode", make sure the server has the edit, print {"done"}.
//   node peer.mjs set WS_URL AUTOMERGE_URL KEY JSON  find a document, set
//       the root's KEY to the JSON value (as a newer or foreign client
//       would), make sure the server has it, print {"done"}.
//   node peer.mjs server PORT DIR [DIST]    a stock automerge-repo sync server
//       (WebSocketServerAdapter + NodeFSStorageAdapter), any path; prints
//       {"listening"}. With DIST it also serves the built app from there
//       (unknown paths get index.html), so the app syncs with it at /sync.
//   node peer.mjs dump WS_URL AUTOMERGE_URL  find a document and print it
//       whole as {"doc"} (JSON).
//   node peer.mjs watch WS_URL AUTOMERGE_URL [COUNT]  COUNT clients (1)
//       that find the document and keep it in sync until killed; prints
//       {"found"} when all have it.
//
// Every command gives up after 30 s with exit code 1.

import http from "node:http"
import { readFile } from "node:fs/promises"
import { extname, join, normalize } from "node:path"
import { Repo } from "@automerge/automerge-repo"
import {
  WebSocketClientAdapter,
  WebSocketServerAdapter,
} from "@automerge/automerge-repo-network-websocket"
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs"
import { WebSocketServer } from "ws"

const [command, ...args] = process.argv.slice(2)
const say = (x) => console.log(JSON.stringify(x))
const giveUp = setTimeout(() => {
  console.error(`${command}: timed out`)
  process.exit(1)
}, 30_000)

function client(url) {
  return new Repo({ network: [new WebSocketClientAdapter(url, 200)] })
}

// Waits until a fresh client, with nothing of its own, can fetch the
// document from the server and sees `check` hold.
async function serverHas(wsUrl, docUrl, check) {
  for (let i = 0; i < 100; i++) {
    const probe = client(wsUrl)
    try {
      const handle = await probe.find(docUrl)
      for (let j = 0; j < 20; j++) {
        if (check(handle.doc())) {
          await probe.shutdown()
          return
        }
        await new Promise((r) => setTimeout(r, 50))
      }
    } catch {
      // unavailable yet
    }
    await probe.shutdown()
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error("the server never had the document")
}

if (command === "create") {
  const [wsUrl] = args
  const repo = client(wsUrl)
  const handle = repo.create({ title: "Från Node", items: ["ett", "två"] })
  await serverHas(wsUrl, handle.url, (d) => d?.title === "Från Node")
  say({ url: handle.url })
  const check = () => {
    const seen = handle.doc()?.rust
    if (seen !== undefined) {
      say({ seen })
      process.exit(0)
    }
  }
  handle.on("change", check)
  check()
} else if (command === "edit") {
  const [wsUrl, docUrl] = args
  const repo = client(wsUrl)
  const handle = await repo.find(docUrl)
  say({ title: handle.doc().title })
  handle.change((d) => {
    d.fromNode = "hej från Node"
  })
  await serverHas(wsUrl, docUrl, (d) => d?.fromNode === "hej från Node")
  say({ done: true })
  process.exit(0)
} else if (command === "set") {
  const [wsUrl, docUrl, key, json] = args
  const value = JSON.parse(json)
  const repo = client(wsUrl)
  const handle = await repo.find(docUrl)
  handle.change((d) => {
    d[key] = value
  })
  await serverHas(wsUrl, docUrl, (d) => JSON.stringify(d?.[key]) === JSON.stringify(value))
  say({ done: true })
  process.exit(0)
} else if (command === "server") {
  clearTimeout(giveUp)
  const [port, dir, dist] = args
  const server = http.createServer(dist ? (req, res) => serveApp(dist, req, res) : (_, res) => res.end("ok"))
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 })
  server.on("upgrade", (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)),
  )
  new Repo({
    network: [new WebSocketServerAdapter(wss)],
    storage: new NodeFSStorageAdapter(dir),
    peerId: `node-sync-server-${port}`,
    // As the automerge-repo sync server does: serve, never push.
    sharePolicy: async () => false,
  })
  // The adapter starts listening for connections only once the repo has
  // loaded its storage id: accept nothing before.
  while (wss.listenerCount("connection") === 0) {
    await new Promise((r) => setTimeout(r, 10))
  }
  server.listen(Number(port), "127.0.0.1", () => say({ listening: Number(port) }))
} else if (command === "dump") {
  const [wsUrl, docUrl] = args
  const repo = client(wsUrl)
  const handle = await repo.find(docUrl)
  // Automerge's uint and counter values are BigInts: as numbers.
  console.log(JSON.stringify({ doc: handle.doc() }, (_, v) => (typeof v === "bigint" ? Number(v) : v)))
  process.exit(0)
} else if (command === "watch") {
  const [wsUrl, docUrl, count = "1"] = args
  await Promise.all(Array.from({ length: Number(count) }, () => client(wsUrl).find(docUrl)))
  clearTimeout(giveUp)
  say({ found: Number(count) })
} else {
  console.error("usage: node peer.mjs create|edit|set|server|watch|dump …")
  process.exit(2)
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
}

// The built app as `radslag serve` serves it: files, else index.html.
async function serveApp(dist, req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "")
  for (const file of [join(dist, path), join(dist, "index.html")]) {
    try {
      const body = await readFile(file)
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" })
      return res.end(body)
    } catch {
      // not a file: try the next
    }
  }
  res.writeHead(404).end()
}
