// The devicehive dialect with the real npm devicehive client (2.1.0). DH_URL names the WebSocket
// endpoint of a server whose administrator is dhadmin / dhadmin_#911; the Java side
// (DevicehiveClientIT) starts it and runs this file.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import DeviceHive from 'devicehive'

const URL = process.env.DH_URL
const { Device, Command, Notification } = DeviceHive.models
const { CommandPollQuery, NotificationPollQuery } = DeviceHive.models.query
const DEVICE = 'npm-device-1'

let client // subscribes, as an application would
let device // inserts notifications and answers commands, as a device would

function connect() {
  return new DeviceHive({ mainServiceURL: URL, login: 'dhadmin', password: 'dhadmin_#911' }).connect()
}

/** Resolves with the next 'message' event that passes the test. */
function nextMessage(dh, accept, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { dh.removeListener('message', on); reject(new Error(`no message within ${ms} ms`)) }, ms)
    function on(m) {
      if (accept(m)) { clearTimeout(timer); dh.removeListener('message', on); resolve(m) }
    }
    dh.on('message', on)
  })
}

/** Fails if a message passing the test arrives within the wait. */
async function noMessage(dh, accept, ms = 300) {
  let seen = null
  const on = (m) => { if (accept(m)) seen = m }
  dh.on('message', on)
  await new Promise((r) => setTimeout(r, ms))
  dh.removeListener('message', on)
  assert.equal(seen, null, `unexpected message ${JSON.stringify(seen)}`)
}

/**
 * The client names each subscription by an id of its own and keeps the server's id in a map; pushes
 * reach the 'message' event as the command or notification itself, with the client's id.
 */
function serverId(dh, clientId) {
  return dh.strategy.subscriptionIdsMap.get(clientId)
}

/** Sends any action through the client's own transport and returns the whole reply. */
function raw(dh, request) {
  return dh.strategy.transport.send(request)
}

/** subscription/list has no method in the client; its transport sends any action. */
async function listSubscriptions(dh, type) {
  const reply = await dh.strategy.transport.send(type ? { action: 'subscription/list', type } : { action: 'subscription/list' })
  assert.equal(reply.status, 'success')
  return reply.subscriptions
}

before(async () => {
  client = await connect()
  device = await connect()
  await device.device.add(new Device({ id: DEVICE, name: 'npm test device', data: { kind: 'led' } }))
})

after(async () => {
  for (const dh of [client, device]) dh.disconnect()
})

test('login and autoUpdateSession leave fresh tokens', () => {
  assert.match(client.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/)
  assert.match(client.refreshToken, /^[\w-]+\.[\w-]+\.[\w-]+$/)
})

test('server/info answers through the client', async () => {
  const info = await client.info.getServerInfo()
  assert.ok(info.apiVersion)
  assert.match(info.serverTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/)
})

test('the registered device reads back', async () => {
  const d = await client.device.get(DEVICE)
  assert.equal(d.id, DEVICE)
  assert.equal(d.name, 'npm test device')
  assert.deepEqual(d.data, { kind: 'led' })
})

test('a device subscribed to commands receives an inserted command', async () => {
  const { subscriptionId } = await device.command.subscribe(new CommandPollQuery({ deviceId: DEVICE }))
  assert.equal(typeof serverId(device, subscriptionId), 'number')
  const arrived = nextMessage(device, (m) => m.subscriptionId === subscriptionId)
  const sent = await client.command.insert(DEVICE, new Command({ command: 'switch-on', parameters: { level: 3 } }))
  assert.equal(typeof sent.id, 'number')
  const push = await arrived
  assert.equal(push.id, sent.id)
  assert.equal(push.command, 'switch-on')
  assert.deepEqual(push.parameters, { level: 3 })
  assert.equal(push.deviceId, DEVICE)
  await device.command.unsubscribe(subscriptionId)
})

test('a client subscribed to notifications receives an inserted notification', async () => {
  const { subscriptionId } = await client.notification.subscribe(new NotificationPollQuery({ deviceId: DEVICE }))
  const arrived = nextMessage(client, (m) => m.subscriptionId === subscriptionId)
  const sent = await device.notification.insert(DEVICE, new Notification({ notification: 'temperature', parameters: { c: 22.5 } }))
  const push = await arrived
  assert.equal(push.id, sent.id)
  assert.equal(push.notification, 'temperature')
  assert.deepEqual(push.parameters, { c: 22.5 })
  await client.notification.unsubscribe(subscriptionId)
})

test('a command update reaches a returnUpdatedCommands subscription as command/update', async () => {
  const { subscriptionId } = await client.command.subscribe(new CommandPollQuery({ deviceId: DEVICE, returnUpdatedCommands: true }))
  const sent = await client.command.insert(DEVICE, new Command({ command: 'measure' }))
  const inserted = []
  const onInsert = (m) => { if (m.subscriptionId === subscriptionId && m.status !== 'done') inserted.push(m) }
  client.on('message', onInsert)
  const updated = nextMessage(client, (m) => m.subscriptionId === subscriptionId && m.status === 'done')
  await device.command.update(new Command({ id: sent.id, deviceId: DEVICE, status: 'done', result: { value: 42 } }))
  const push = await updated
  client.removeListener('message', onInsert)
  assert.equal(push.id, sent.id)
  assert.deepEqual(push.result, { value: 42 })
  assert.equal(push.command, 'measure')
  assert.deepEqual(inserted, [], 'an updates-only subscription gets no inserts')
  await client.command.unsubscribe(subscriptionId)
})

test('subscription/list shows this connection\'s subscriptions and filters by type', async () => {
  const c = await client.command.subscribe(new CommandPollQuery({ deviceId: DEVICE, names: ['a'] }))
  const n = await client.notification.subscribe(new NotificationPollQuery({ deviceId: DEVICE }))
  const all = await listSubscriptions(client)
  assert.deepEqual(all.map((s) => s.subscriptionId).sort(), [serverId(client, c.subscriptionId), serverId(client, n.subscriptionId)].sort())
  const commands = await listSubscriptions(client, 'command')
  assert.equal(commands.length, 1)
  assert.deepEqual(commands[0], {
    subscriptionId: serverId(client, c.subscriptionId), type: 'command', deviceId: DEVICE,
    networkIds: null, deviceTypeIds: null, names: ['a'], timestamp: null
  })
  assert.equal((await listSubscriptions(device)).length, 0)
  await client.command.unsubscribe(c.subscriptionId)
  await client.notification.unsubscribe(n.subscriptionId)
  assert.deepEqual(await listSubscriptions(client), [])
})

test('unsubscribe by id stops pushes and a second unsubscribe is rejected', async () => {
  const { subscriptionId } = await device.command.subscribe(new CommandPollQuery({ deviceId: DEVICE }))
  const id = serverId(device, subscriptionId)
  await device.command.unsubscribe(subscriptionId)
  const again = await raw(device, { action: 'command/unsubscribe', subscriptionId: id })
  assert.deepEqual([again.status, again.code, again.error], ['error', 404, `Subscription with id ${id} was not found`])
  await client.command.insert(DEVICE, new Command({ command: 'unheard' }))
  await noMessage(device, (m) => m.command === 'unheard')
})

test('unsubscribe with no id ends every subscription of that type', async () => {
  await device.notification.subscribe(new NotificationPollQuery({ deviceId: DEVICE }))
  await device.notification.subscribe(new NotificationPollQuery({}))
  const kept = await device.command.subscribe(new CommandPollQuery({ deviceId: DEVICE }))
  await device.notification.unsubscribe()
  const left = await listSubscriptions(device)
  assert.deepEqual(left.map((s) => s.subscriptionId), [serverId(device, kept.subscriptionId)])
  await client.notification.insert(DEVICE, new Notification({ notification: 'unheard' }))
  await noMessage(device, (m) => m.notification === 'unheard')
  await device.command.unsubscribe()
})

test('a timestamp subscription replays what is newer, then goes live', async () => {
  const first = await client.notification.insert(DEVICE, new Notification({ notification: 'old' }))
  await new Promise((r) => setTimeout(r, 5))
  await client.notification.insert(DEVICE, new Notification({ notification: 'replayed' }))
  const seen = []
  const on = (m) => { if (typeof m.notification === 'string') seen.push(m.notification) }
  device.on('message', on)
  await device.notification.subscribe(new NotificationPollQuery({ deviceId: DEVICE, timestamp: first.timestamp }))
  await client.notification.insert(DEVICE, new Notification({ notification: 'live' }))
  for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 50))
  device.removeListener('message', on)
  assert.deepEqual(seen, ['replayed', 'live'])
  await device.notification.unsubscribe()
})
