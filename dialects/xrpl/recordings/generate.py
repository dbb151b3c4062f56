#!/usr/bin/env python3
"""Writes demo.jsonl: a small, self-consistent recording of XRP Ledger stream messages in
api_version 2, as rippled pushes them, for the xrpl dialect's replay source, demo and tests.

Accounts are derived from fixed names, so the file is the same on every run:
    python3 generate.py > demo.jsonl
"""
import hashlib
import json
import sys

ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"


def b58check(payload: bytes) -> str:
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    for b in data:
        if b:
            break
        out = ALPHABET[0] + out
    return out


def account(name: str) -> str:
    return b58check(b"\x00" + hashlib.sha256(name.encode()).digest()[:20])


def h256(*parts) -> str:
    return hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest().upper()


ALICE, BOB, CAROL, DAVE = account("alice"), account("bob"), account("carol"), account("dave")
ISSUER = account("issuer")  # issues USD
USD = {"currency": "USD", "issuer": ISSUER}
RIPPLE_EPOCH = 946684800
FIRST_LEDGER = 90000000
START_TIME = 1795000000 - RIPPLE_EPOCH  # ledger close time, seconds since 2000-01-01


def iso(t):
    import datetime
    return datetime.datetime.fromtimestamp(t + RIPPLE_EPOCH, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def usd(value):
    return dict(USD, value=str(value))


def account_root(acct, balance, prev_balance, seq):
    return {"ModifiedNode": {
        "FinalFields": {"Account": acct, "Balance": str(balance), "Flags": 0, "OwnerCount": 1, "Sequence": seq},
        "LedgerEntryType": "AccountRoot",
        "LedgerIndex": h256("root", acct),
        "PreviousFields": {"Balance": str(prev_balance), "Sequence": seq - 1}}}


def payment(ledger, i, src, dst, drops, seq):
    tx = {"Account": src, "DeliverMax": str(drops), "Destination": dst, "Fee": "12", "Flags": 0,
          "Sequence": seq, "SigningPubKey": h256("key", src)[:66], "TransactionType": "Payment",
          "TxnSignature": h256("sig", ledger, i) * 2}
    meta = {"AffectedNodes": [account_root(src, 10_000_000_000 - drops, 10_000_000_000, seq + 1),
                              account_root(dst, 10_000_000_000 + drops, 10_000_000_000, 5)],
            "TransactionIndex": i, "TransactionResult": "tesSUCCESS", "delivered_amount": str(drops)}
    return tx, meta, "tesSUCCESS"


def offer_create(ledger, i, owner, seq):
    # owner sells USD for XRP: TakerGets USD, TakerPays XRP
    tx = {"Account": owner, "Fee": "12", "Flags": 0, "Sequence": seq, "SigningPubKey": h256("key", owner)[:66],
          "TakerGets": usd(100), "TakerPays": str(55_000_000), "TransactionType": "OfferCreate",
          "TxnSignature": h256("sig", ledger, i) * 2}
    meta = {"AffectedNodes": [
        {"CreatedNode": {"LedgerEntryType": "Offer", "LedgerIndex": h256("offer", owner, seq),
                         "NewFields": {"Account": owner, "BookDirectory": h256("book", "USD", "XRP"),
                                       "Sequence": seq, "TakerGets": usd(100), "TakerPays": str(55_000_000)}}},
        account_root(owner, 9_000_000_000, 9_000_000_012, seq + 1)],
        "TransactionIndex": i, "TransactionResult": "tesSUCCESS"}
    return tx, meta, "tesSUCCESS"


def offer_cross(ledger, i, taker, maker, maker_seq, seq):
    # taker buys 20 USD from maker's offer for 11 XRP; maker's offer shrinks
    tx = {"Account": taker, "Fee": "12", "Flags": 0, "Sequence": seq, "SigningPubKey": h256("key", taker)[:66],
          "TakerGets": str(11_000_000), "TakerPays": usd(20), "TransactionType": "OfferCreate",
          "TxnSignature": h256("sig", ledger, i) * 2}
    meta = {"AffectedNodes": [
        {"ModifiedNode": {"FinalFields": {"Account": maker, "BookDirectory": h256("book", "USD", "XRP"),
                                          "Sequence": maker_seq, "TakerGets": usd(80), "TakerPays": str(44_000_000)},
                          "LedgerEntryType": "Offer", "LedgerIndex": h256("offer", maker, maker_seq),
                          "PreviousFields": {"TakerGets": usd(100), "TakerPays": str(55_000_000)}}},
        {"ModifiedNode": {"FinalFields": {"Balance": dict(USD, currency="USD", issuer="rrrrrrrrrrrrrrrrrrrrBZbvji", value="20"),
                                          "Flags": 131072, "HighLimit": dict(USD, issuer=taker, value="1000"),
                                          "LowLimit": dict(USD, issuer=ISSUER, value="0")},
                          "LedgerEntryType": "RippleState", "LedgerIndex": h256("line", taker),
                          "PreviousFields": {"Balance": dict(USD, issuer="rrrrrrrrrrrrrrrrrrrrBZbvji", value="0")}}},
        account_root(taker, 8_989_000_000, 9_000_000_000, seq + 1)],
        "TransactionIndex": i, "TransactionResult": "tesSUCCESS"}
    return tx, meta, "tesSUCCESS"


def trust_set(ledger, i, holder, seq):
    tx = {"Account": holder, "Fee": "12", "Flags": 131072, "LimitAmount": dict(USD, value="1000"),
          "Sequence": seq, "SigningPubKey": h256("key", holder)[:66], "TransactionType": "TrustSet",
          "TxnSignature": h256("sig", ledger, i) * 2}
    meta = {"AffectedNodes": [
        {"CreatedNode": {"LedgerEntryType": "RippleState", "LedgerIndex": h256("line", holder, ledger),
                         "NewFields": {"Balance": dict(USD, issuer="rrrrrrrrrrrrrrrrrrrrBZbvji", value="0"),
                                       "Flags": 131072, "HighLimit": dict(USD, issuer=holder, value="1000"),
                                       "LowLimit": dict(USD, issuer=ISSUER, value="0")}}},
        account_root(holder, 9_999_999_988, 10_000_000_000, seq + 1)],
        "TransactionIndex": i, "TransactionResult": "tesSUCCESS"}
    return tx, meta, "tesSUCCESS"


def failed_offer(ledger, i, owner, seq):
    tx = {"Account": owner, "Fee": "12", "Flags": 0, "Sequence": seq, "SigningPubKey": h256("key", owner)[:66],
          "TakerGets": usd(5000), "TakerPays": str(1_000_000), "TransactionType": "OfferCreate",
          "TxnSignature": h256("sig", ledger, i) * 2}
    meta = {"AffectedNodes": [account_root(owner, 9_999_999_988, 10_000_000_000, seq + 1)],
            "TransactionIndex": i, "TransactionResult": "tecUNFUNDED_OFFER"}
    return tx, meta, "tecUNFUNDED_OFFER"


RESULTS = {"tesSUCCESS": (0, "The transaction was applied. Only final in a validated ledger."),
           "tecUNFUNDED_OFFER": (103, "Insufficient balance to fund created offer.")}


def main(out):
    def emit(obj):
        out.write(json.dumps(obj, separators=(",", ":")) + "\n")

    emit({"type": "serverStatus", "server_status": "full", "load_base": 256, "load_factor": 256,
          "load_factor_server": 256, "base_fee": 10, "load_factor_fee_escalation": 256,
          "load_factor_fee_queue": 256, "load_factor_fee_reference": 256})
    emit({"type": "manifestReceived", "master_key": "nHU" + h256("master")[:49], "signing_key": "n9" + h256("signing")[:50],
          "seq": 3, "signature": h256("manifest-sig") * 2, "master_signature": h256("master-sig") * 2,
          "domain": "example.com", "manifest": h256("manifest")})
    seq = {ALICE: 100, BOB: 200, CAROL: 300, DAVE: 400}
    for n in range(12):
        ledger = FIRST_LEDGER + n
        close = START_TIME + 4 * n
        ledger_hash = h256("ledger", ledger)
        txs = []
        i = 0
        def add(build, *args):
            nonlocal i
            txs.append(build(ledger, i, *args))
            i += 1
        add(payment, ALICE, BOB, 1_000_000 + n, seq[ALICE]); seq[ALICE] += 1
        add(payment, CAROL, DAVE, 2_000_000 + n, seq[CAROL]); seq[CAROL] += 1
        if n % 3 == 0:
            maker_seq = seq[BOB]
            add(offer_create, BOB, maker_seq); seq[BOB] += 1
            add(offer_cross, DAVE, BOB, maker_seq, seq[DAVE]); seq[DAVE] += 1
        if n % 4 == 1:
            add(trust_set, CAROL, seq[CAROL]); seq[CAROL] += 1
        if n % 5 == 2:
            add(failed_offer, ALICE, seq[ALICE]); seq[ALICE] += 1
        emit({"type": "consensusPhase", "consensus": "open"})
        for tx, meta, result in txs:
            code, message = RESULTS[result]
            emit({"type": "transaction", "engine_result": result, "engine_result_code": code,
                  "engine_result_message": message, "hash": h256("tx", ledger, tx["Sequence"], tx["Account"]),
                  "ledger_current_index": ledger, "status": "proposed", "tx_json": tx, "validated": False})
        emit({"type": "consensusPhase", "consensus": "establish"})
        emit({"type": "consensusPhase", "consensus": "accepted"})
        emit({"type": "ledgerClosed", "fee_base": 10, "ledger_hash": ledger_hash, "ledger_index": ledger,
              "ledger_time": close, "network_id": 21465, "reserve_base": 1_000_000, "reserve_inc": 200_000,
              "txn_count": len(txs), "validated_ledgers": f"{FIRST_LEDGER - 1000}-{ledger}"})
        if n % 3 == 0:
            emit({"type": "bookChanges", "ledger_index": ledger, "ledger_hash": ledger_hash, "ledger_time": close,
                  "changes": [{"currency_a": "XRP_drops", "currency_b": f"{ISSUER}/USD", "volume_a": "11000000",
                               "volume_b": "20", "high": "0.55", "low": "0.55", "open": "0.55", "close": "0.55"}]})
        for tx, meta, result in txs:
            code, message = RESULTS[result]
            tx = dict(tx, date=close)
            emit({"type": "transaction", "close_time_iso": iso(close), "engine_result": result,
                  "engine_result_code": code, "engine_result_message": message,
                  "hash": h256("tx", ledger, tx["Sequence"], tx["Account"]), "ledger_hash": ledger_hash,
                  "ledger_index": ledger, "meta": meta, "status": "closed", "tx_json": tx, "validated": True})
        emit({"type": "validationReceived", "flags": 2147483649, "full": True, "ledger_hash": ledger_hash,
              "ledger_index": ledger, "master_key": "nHU" + h256("master")[:49], "signature": h256("val", ledger) * 2,
              "signing_time": close + 1, "validation_public_key": "n9" + h256("signing")[:50]})


if __name__ == "__main__":
    main(sys.stdout)
