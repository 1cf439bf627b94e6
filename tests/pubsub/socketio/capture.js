// Captures what the real Socket.IO Redis adapter publishes, once, by hand (CI never runs this):
//   npm install socket.io@4 @socket.io/redis-adapter@8 redis@4   (in a scratch folder, then NODE_PATH to it)
//   redis-server --port 16390 --save '' &
//   NODE_PATH=/scratch/node_modules node capture.js redis://127.0.0.1:16390 > packets.jsonl
// Each line: what the script did, the channel and the payload exactly as published (hex).
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const url = process.argv[2] || "redis://127.0.0.1:6379";

async function main() {
  const capture = createClient({ url });
  await capture.connect();
  const seen = [];
  await capture.pSubscribe("*", (message, channel) => seen.push({ channel, message }), true);

  const servers = [];
  for (let i = 0; i < 2; ++i) {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    const io = new Server();
    io.adapter(createAdapter(pub, sub));
    io.of("/admin").adapter; // creates the namespace on both servers
    servers.push({ io, pub, sub });
  }
  const io = servers[0].io;

  const steps = [
    ["io.emit('progress', {batch: 123, done: 40, total: 100})", () => io.emit("progress", { batch: 123, done: 40, total: 100 })],
    ["io.to('room1').emit('chat', 'héllo <b>bold</b>')", () => io.to("room1").emit("chat", "héllo <b>bold</b>")],
    ["io.to(['room1', 'room2']).except('room3').emit('tick', 1, 2.5, true, null)",
      () => io.to(["room1", "room2"]).except("room3").emit("tick", 1, 2.5, true, null)],
    ["io.emit('file', Buffer.from([0, 1, 2, 255, 254]))", () => io.emit("file", Buffer.from([0, 1, 2, 255, 254]))],
    ["io.of('/admin').emit('alert', {level: 'warn', at: new Date(0)})",
      () => io.of("/admin").emit("alert", { level: "warn", at: new Date(0) })],
    ["io.volatile.compress(false).emit('ping')", () => io.volatile.compress(false).emit("ping")],
    ["io.serverSideEmit('reload', 7)", () => io.serverSideEmit("reload", 7)],
  ];
  for (const [what, step] of steps) {
    const before = seen.length;
    step();
    const deadline = Date.now() + 2000;
    while (seen.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // a step may publish more than once
    for (const { channel, message } of seen.slice(before))
      console.log(JSON.stringify({ step: what, channel: channel.toString("hex"), payload: message.toString("hex") }));
  }
  for (const { pub, sub } of servers) await Promise.all([pub.quit(), sub.quit()]);
  await capture.quit();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
