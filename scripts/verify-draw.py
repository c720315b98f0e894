#!/usr/bin/env python3
"""Recompute a 双随机 draw from its published record, independently of Kaoping (docs/casework.md).

Usage: scripts/verify-draw.py draw.json
draw.json: {"objects": [{"id", "name"}], "inspectors": [{"id", "name", "unit"}],
            "conflicts": [{"inspector", "object"}], "count": N, "seed": "..."}
Prints the two list hashes and, per drawn object, the object and its two inspectors (ids), one line each.
"""
import hashlib
import json
import sys


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Stream:
    def __init__(self, seed):
        self.seed = seed
        self.k = 0

    def below(self, bound):
        limit = 2 ** 64 - (2 ** 64 % bound)
        while True:
            h = hashlib.sha256(f"{self.seed}:{self.k}".encode("utf-8")).digest()
            self.k += 1
            r = int.from_bytes(h[:8], "big")
            if r < limit:
                return r % bound


def draw(record):
    # Java sorts ids by String.compareTo (UTF-16 code units); for the ASCII ids a list uses this is the same order
    objects = sorted(record["objects"], key=lambda o: o["id"])
    inspectors = sorted(record["inspectors"], key=lambda i: i["id"])
    conflicts = {(c["inspector"], c["object"]) for c in record.get("conflicts", [])}
    objects_hash = sha256_hex("".join(f"{o['id']}\t{o['name']}\n" for o in objects))
    inspectors_hash = sha256_hex("".join(f"{i['id']}\t{i['name']}\t{i['unit']}\n" for i in inspectors))
    rnd = Stream(record["seed"])
    deck = list(objects)
    drawn = []
    i = len(deck) - 1
    while len(drawn) < record["count"]:
        j = rnd.below(i + 1)
        deck[i], deck[j] = deck[j], deck[i]
        drawn.append(deck[i])
        i -= 1
    pairs = []
    for o in drawn:
        eligible = [x for x in inspectors if (x["id"], o["id"]) not in conflicts]
        first = eligible[rnd.below(len(eligible))]
        others = [x for x in eligible if x["unit"] != first["unit"]]
        second = others[rnd.below(len(others))]
        pairs.append((o["id"], first["id"], second["id"]))
    return objects_hash, inspectors_hash, pairs


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        oh, ih, pairs = draw(json.load(f))
    print("objects", oh)
    print("inspectors", ih)
    for p in pairs:
        print(" ".join(p))
