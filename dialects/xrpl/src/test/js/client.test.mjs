// The xrpl dialect with the real xrpl.js client. XRPL_URL names a server replaying
// recordings/demo.jsonl in a loop; the Java side (XrplClientIT) starts it and runs this file.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Client } from 'xrpl'

const URL = process.env.XRPL_URL
const ALICE = 'rhzFipyh5UsycxUjaPzR1RkTJZp9VybKAz'
const DAVE = 'r9v5uPWWHpjeuGq1V9fWPSuQP2EXtSG4ys'
const ISSUER = 'r3bmF74WayREhyVYaqbu7GqLKvqZvUF3k6'
const USD = { currency: 'USD', issuer: ISSUER }

let client

before(async () => {
  // the replay has published a ledger once server_info reports one
  for (let i = 0; i < 50; i++) {
    const probe = new Client(URL)
    await probe.connect()
    const info = (await probe.request({ command: 'server_info' })).result.info
    await probe.disconnect()
    if (info.validated_ledger) break
    await new Promise((r) => setTimeout(r, 100))
  }
  client = new Client(URL)
  await client.connect()
})

after(async () => {
  await client.disconnect()
})

/** Resolves with the first event of this name that passes the test. */
function nextEvent(emitter, name, accept = () => true, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { emitter.off(name, on); reject(new Error(`no ${name} within ${ms} ms`)) }, ms)
    function on(e) {
      if (accept(e)) { clearTimeout(timer); emitter.off(name, on); resolve(e) }
    }
    emitter.on(name, on)
  })
}

/** Counts events of this name for a while. */
async function countFor(emitter, name, ms, accept = () => true) {
  let n = 0
  const on = (e) => { if (accept(e)) n++ }
  emitter.on(name, on)
  await new Promise((r) => setTimeout(r, ms))
  emitter.off(name, on)
  return n
}

/** The error token a request is refused with. */
async function refusal(request) {
  try {
    await client.request(request)
  } catch (e) {
    return e.data?.error
  }
  assert.fail('the request succeeded')
}

test('connect reads server_info: network id and build version', async () => {
  assert.equal(client.isConnected(), true)
  assert.equal(client.networkID, 21465)
  assert.equal(client.buildVersion, 'test')
  const info = (await client.request({ command: 'server_info' })).result.info
  assert.equal(info.server_state, 'full')
  assert.match(info.complete_ledgers, /^\d+-\d+$/)
})

test('ping answers an empty result', async () => {
  const r = await client.request({ command: 'ping' })
  assert.deepEqual(r.result, {})
  assert.equal(r.type, 'response')
})

test('ledger: subscribe answers the last validated ledger, then ledgerClosed events; unsubscribe ends them', async () => {
  const r = await client.request({ command: 'subscribe', streams: ['ledger'] })
  assert.equal(typeof r.result.ledger_index, 'number')
  assert.match(r.result.ledger_hash, /^[0-9A-F]{64}$/)
  const e = await nextEvent(client, 'ledgerClosed')
  assert.equal(e.type, 'ledgerClosed')
  assert.equal(e.fee_base, 10)
  await client.request({ command: 'unsubscribe', streams: ['ledger'] })
  assert.equal(await countFor(client, 'ledgerClosed', 1500), 0)
})

test('transactions in api_version 2: tx_json, hash at the top, no Amount on a Payment', async () => {
  await client.request({ command: 'subscribe', streams: ['transactions'] })
  const e = await nextEvent(client, 'transaction', (t) => t.tx_json?.TransactionType === 'Payment')
  assert.equal(e.validated, true)
  assert.match(e.hash, /^[0-9A-F]{64}$/)
  assert.equal(e.tx_json.Amount, undefined)
  assert.ok(e.tx_json.DeliverMax)
  assert.ok(e.meta.AffectedNodes.length > 0)
  await client.request({ command: 'unsubscribe', streams: ['transactions'] })
  assert.equal(await countFor(client, 'transaction', 1500), 0)
})

test('api_version 1: ledgerClosed, and transactions whose body is transaction, with Amount and hash inside', async () => {
  await client.request({ command: 'subscribe', streams: ['transactions', 'ledger'], api_version: 1 })
  const ledger = await nextEvent(client, 'ledgerClosed')
  assert.equal(typeof ledger.ledger_index, 'number')
  const e = await nextEvent(client, 'transaction', (t) => t.transaction?.TransactionType === 'Payment')
  assert.equal(e.tx_json, undefined)
  assert.equal(e.transaction.Amount, e.transaction.DeliverMax)
  assert.match(e.transaction.hash, /^[0-9A-F]{64}$/)
  await client.request({ command: 'unsubscribe', streams: ['transactions', 'ledger'] })
  // the next subscribe's api_version (the client's default, 2) renders pushes again
  await client.request({ command: 'subscribe', streams: ['transactions'] })
  const v2 = await nextEvent(client, 'transaction')
  assert.ok(v2.tx_json)
  await client.request({ command: 'unsubscribe', streams: ['transactions'] })
  assert.equal(await countFor(client, 'transaction', 1000), 0)
})

test('transactions_proposed carries proposed transactions as well as validated ones', async () => {
  await client.request({ command: 'subscribe', streams: ['transactions_proposed'] })
  const proposed = await nextEvent(client, 'transaction', (t) => t.validated === false)
  assert.equal(proposed.status, 'proposed')
  await nextEvent(client, 'transaction', (t) => t.validated === true)
  await client.request({ command: 'unsubscribe', streams: ['transactions_proposed'] })
  assert.equal(await countFor(client, 'transaction', 1500), 0)
})

test('accounts: only transactions that affect the account', async () => {
  await client.request({ command: 'subscribe', accounts: [DAVE] })
  const seen = []
  const on = (t) => seen.push(t)
  client.on('transaction', on)
  await new Promise((r) => setTimeout(r, 1500))
  client.off('transaction', on)
  await client.request({ command: 'unsubscribe', accounts: [DAVE] })
  assert.ok(seen.length > 0, 'dave appears in the recording')
  for (const t of seen) {
    assert.equal(t.validated, true)
    assert.ok(JSON.stringify(t.meta).includes(DAVE), `${t.hash} does not affect dave`)
  }
  assert.equal(await countFor(client, 'transaction', 1000), 0)
})

test('accounts_proposed: proposed transactions that mention the account', async () => {
  await client.request({ command: 'subscribe', accounts_proposed: [ALICE] })
  const e = await nextEvent(client, 'transaction', (t) => t.validated === false)
  assert.equal(e.tx_json.Account, ALICE)
  await client.request({ command: 'unsubscribe', accounts_proposed: [ALICE] })
  assert.equal(await countFor(client, 'transaction', 1500), 0)
})

test('books with both: offer transactions of the XRP/USD book, once each', async () => {
  const book = { taker_pays: { currency: 'XRP' }, taker_gets: USD, both: true }
  await client.request({ command: 'subscribe', books: [book] })
  const hashes = []
  const on = (t) => hashes.push(t.hash)
  client.on('transaction', on)
  await nextEvent(client, 'transaction', (t) => t.tx_json.TransactionType === 'OfferCreate')
  await new Promise((r) => setTimeout(r, 1000))
  client.off('transaction', on)
  // a transaction touching both sides of the book comes once: copies would arrive back to back
  for (let i = 1; i < hashes.length; i++) assert.notEqual(hashes[i], hashes[i - 1], 'no transaction twice')
  await client.request({ command: 'unsubscribe', books: [book] })
  assert.equal(await countFor(client, 'transaction', 1500), 0)
})

test('validations, manifests, consensus, server and book_changes streams', async () => {
  await client.request({ command: 'subscribe', streams: ['validations', 'manifests', 'consensus', 'server', 'book_changes'] })
  const v = await nextEvent(client, 'validationReceived')
  assert.equal(v.full, true)
  assert.equal(typeof v.ledger_index, 'number')
  await nextEvent(client, 'manifestReceived')
  const c = await nextEvent(client, 'consensusPhase')
  assert.ok(['open', 'establish', 'accepted'].includes(c.consensus))
  // the client does not forward serverStatus and bookChanges; its connection emits them
  await nextEvent(client.connection, 'serverStatus')
  await nextEvent(client.connection, 'bookChanges')
  await client.request({ command: 'unsubscribe', streams: ['validations', 'manifests', 'consensus', 'server'] })
  assert.equal(await countFor(client, 'validationReceived', 1500), 0)
  assert.equal(await countFor(client, 'consensusPhase', 100), 0)
})

test('every error of the unsubscribe documentation, from crafted requests', async () => {
  const usd = { currency: 'USD', issuer: ISSUER }
  const cases = [
    [{ command: 'unsubscribe', streams: 'ledger' }, 'invalidParams'],
    [{ command: 'unsubscribe', url: 'http://127.0.0.1:9/' }, 'noPermission'],
    [{ command: 'unsubscribe', streams: ['nonesuch'] }, 'malformedStream'],
    [{ command: 'unsubscribe', accounts: ['rNotAnAddress'] }, 'malformedAccount'],
    [{ command: 'unsubscribe', accounts_proposed: [] }, 'malformedAccount'],
    [{ command: 'unsubscribe', books: [{ taker_pays: { currency: 'NOPE' }, taker_gets: usd }] }, 'srcCurMalformed'],
    [{ command: 'unsubscribe', books: [{ taker_pays: { currency: 'XRP' }, taker_gets: { currency: 'XR' } }] }, 'dstAmtMalformed'],
    [{ command: 'unsubscribe', books: [{ taker_pays: { currency: 'USD' }, taker_gets: { currency: 'XRP' } }] }, 'srcIsrMalformed'],
    [{ command: 'unsubscribe', books: [{ taker_pays: { currency: 'XRP' }, taker_gets: { currency: 'USD', issuer: 'nope' } }] }, 'dstIsrMalformed'],
    [{ command: 'unsubscribe', books: [{ taker_pays: usd, taker_gets: usd }] }, 'badMarket'],
    [{ command: 'subscribe', streams: ['peer_status'] }, 'noPermission'],
    [{ command: 'no_such_command' }, 'unknownCmd'],
  ]
  for (const [request, token] of cases) {
    assert.equal(await refusal(request), token, JSON.stringify(request))
  }
  // and the connection still serves
  assert.deepEqual((await client.request({ command: 'ping' })).result, {})
})
