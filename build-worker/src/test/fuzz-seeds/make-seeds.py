#!/usr/bin/env python3
"""Regenerates the kept seed corpora of the package-reader fuzz targets (docs/fuzzing.md).

Run from the repository root: python3 build-worker/src/test/fuzz-seeds/make-seeds.py
Needs perl with DB_File (libdb) for the Berkeley DB seeds. Seeds stay small (libFuzzer mutates up to the largest
seed's size); findings are added next to them by Jazzer as crash-* files and are never regenerated here.
"""
import io, os, sqlite3, struct, subprocess, tarfile, tempfile, zlib

BASE = 'build-worker/src/test/resources/dev/slipway/worker/contents'


def target(cls, method):
    d = os.path.join(BASE, cls + 'Inputs', method)
    os.makedirs(d, exist_ok=True)
    return d


def header(entries):
    data = b''; idx = b''
    for tag, typ, val, cnt in entries:
        align = {3: 2, 4: 4, 5: 8}.get(typ, 1)
        while len(data) % align:
            data += b'\0'
        idx += struct.pack('>iiii', tag, typ, len(data), cnt); data += val
    return struct.pack('>II', len(entries), len(data)) + idx + data


def pkg(name, version=b'1.0', release=b'1', extra=()):
    return header([(1000, 6, name + b'\0', 1), (1001, 6, version + b'\0', 1), (1002, 6, release + b'\0', 1),
                   (1022, 6, b'noarch\0', 1), (1009, 4, struct.pack('>I', 42), 1),
                   (261, 7, bytes(range(16)), 16)] + list(extra))


HEADERS = [pkg(b'bash', b'5.2', b'1.fc40'), pkg(b'zlib', extra=[(1003, 4, struct.pack('>i', 1), 1)]),
           pkg(b'gpg-pubkey', b'abcd1234')]
BIG = pkg(b'big', extra=[(1004, 9, b'x' * 1500 + b'\0', 1)])


def write(d, name, data):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def ndb(headers):
    blocks = sum((16 + len(h) + 12 + 15) // 16 for h in headers)
    db = bytearray(4096 + blocks * 16)
    struct.pack_into('<4sIIII', db, 0, b'RpmP', 0, 1, 1, len(headers) + 1)
    for s in range(2, 256):
        struct.pack_into('<4s', db, s * 16, b'Slot')
    block = 256
    for i, h in enumerate(headers):
        count = (16 + len(h) + 12 + 15) // 16
        struct.pack_into('<III', db, (2 + i) * 16 + 4, i + 1, block, count)
        at = block * 16
        struct.pack_into('<4sIII', db, at, b'BlbS', i + 1, 1, len(h))
        db[at + 16:at + 16 + len(h)] = h
        tail = at + count * 16 - 12
        struct.pack_into('<II4s', db, tail, zlib.adler32(bytes(db[at:tail]), 1), len(h), b'BlbE')
        block += count
    return bytes(db)


def sqlite_db(headers, wal=False):
    with tempfile.TemporaryDirectory() as t:
        path = os.path.join(t, 'rpmdb.sqlite')
        c = sqlite3.connect(path)
        c.execute('PRAGMA page_size=512')
        c.execute('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)')
        for h in headers:
            c.execute('INSERT INTO Packages (blob) VALUES (?)', (h,))
        c.commit()
        c.execute('VACUUM')
        c.close()
        return open(path, 'rb').read()


def bdb(headers, pagesize):
    with tempfile.TemporaryDirectory() as t:
        dump = os.path.join(t, 'dump.txt')
        with open(dump, 'w') as f:
            for i, h in enumerate(headers):
                f.write('%d %s\n' % (i + 1, h.hex()))
        out = os.path.join(t, 'Packages')
        subprocess.run(['perl', os.path.join(BASE, 'write-bdb-packages.pl'), out, str(pagesize), dump], check=True)
        return open(out, 'rb').read()


def tar(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.PAX_FORMAT) as t:
        for kind, name, value in entries:
            info = tarfile.TarInfo(name)
            if kind == 'dir':
                info.type = tarfile.DIRTYPE; t.addfile(info)
            elif kind == 'sym':
                info.type = tarfile.SYMTYPE; info.linkname = value; t.addfile(info)
            elif kind == 'hard':
                info.type = tarfile.LNKTYPE; info.linkname = value; t.addfile(info)
            else:
                info.size = len(value); t.addfile(info, io.BytesIO(value))
    return buf.getvalue()


d = target('RpmHeaderFuzzTest', 'headerBlob')
write(d, 'big-i18n-summary', BIG)

d = target('NdbRpmdbFuzzTest', 'packagesDb')
write(d, 'three-packages', ndb(HEADERS))
write(d, 'empty', ndb([]))
write(d, 'truncated', ndb(HEADERS)[:4200])

d = target('SqliteRpmdbFuzzTest', 'rpmdbSqlite')
write(d, 'three-packages', sqlite_db(HEADERS))
write(d, 'empty-table', sqlite_db([]))

d = target('BerkeleyDbRpmdbFuzzTest', 'packages')
write(d, 'inline-4096', bdb(HEADERS, 4096))
write(d, 'overflow-512', bdb(HEADERS + [BIG], 512))

d = target('DpkgStatusFuzzTest', 'status')
write(d, 'two-stanzas', b'Package: a\nStatus: install ok installed\nVersion: 1:1.0-2\nArchitecture: amd64\n'
      b'Installed-Size: 12\nSource: a-src (1.0-2)\nDescription: x\n more\n .\n\n'
      b'Package: b\nStatus: deinstall ok config-files\nVersion: 2\n')
write(d, 'native', b'Package: c\nStatus: hold ok installed\nVersion: 3.0\nMaintainer: m <m@x>\n')

d = target('LayeredFilesFuzzTest', 'upperLayer')
write(d, 'whiteouts', tar([('file', 'var/lib/dpkg/.wh.status', b''), ('file', 'usr/.wh..wh..opq', b''),
                           ('file', 'var/lib/dpkg/status', b'Package: z\nStatus: install ok installed\nVersion: 9\n')]))
write(d, 'ndb-through-link', tar([('dir', 'usr/lib/sysimage/rpm', None),
                                  ('file', 'usr/lib/sysimage/rpm/Packages.db', ndb(HEADERS[:1])),
                                  ('sym', 'var/lib/rpm', '../../usr/lib/sysimage/rpm')]))
write(d, 'links', tar([('sym', 'usr/share/rpm', '/var/lib/rpm'), ('sym', 'var/lib/rpm', 'rpm'),
                       ('file', 'etc/a', b'a'), ('hard', 'var/lib/dpkg/status', 'etc/a')]))
