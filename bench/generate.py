"""Generate realistic LKjIP specs of a given size, and the same data as YAML and JSON.

    python bench/generate.py 10000 /tmp/lkj-bench     # → spec-10000.lkj, .yaml, .json

A sub kegiatan carries anggaran, realisasi, output capaian, twelve months of cumulative plan
and realisation, and a printed row to check; every tenth program is the kelurahan's. Indikator of
both polarities (with monthly data) sit under sasaran; rules and a scale are declared. The
numbers come from a seeded generator, so every run writes the same files.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember")


def rupiah(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def build_data(sub_count: int, seed: int = 2023) -> dict:
    rng = random.Random(seed)
    programs = []
    per_kegiatan, per_program = 5, 4
    sub = 0
    p = 0
    while sub < sub_count:
        p += 1
        program = {"code": str(p), "name": f"PROGRAM {p} PENUNJANG URUSAN PEMERINTAHAN DAERAH", "kegiatan": []}
        for k in range(1, per_program + 1):
            kegiatan = {"code": f"{p}.{k}", "name": f"Kegiatan {p}.{k} Administrasi Umum Perangkat Daerah",
                        "sub": []}
            for s in range(1, per_kegiatan + 1):
                if sub >= sub_count:
                    break
                sub += 1
                anggaran = rng.randrange(500, 500_000) * 1000
                share = rng.uniform(0.3, 1.0)
                realisasi = int(anggaran * share)
                plan, real, months = 0, 0, []
                for index, m in enumerate(MONTHS):
                    plan = anggaran if index == 11 else plan + anggaran // 12
                    real = min(int(plan * share), realisasi)
                    months.append((m, plan, real))
                kegiatan["sub"].append({
                    "code": f"{p}.{k}.{s}", "name": f"Sub kegiatan {p}.{k}.{s} Penyediaan Jasa Surat Menyurat",
                    "anggaran": anggaran, "realisasi": realisasi, "capaian_output": 100, "months": months,
                })
            if kegiatan["sub"]:
                program["kegiatan"].append(kegiatan)
        programs.append(program)
    sasaran = []
    for i in range(max(1, len(programs) // 10)):
        indikator = []
        for j in range(2):
            polaritas = "maksimal" if j == 0 else "minimal"
            target = rng.randrange(50, 100)
            months = [(m, target, target + rng.randrange(-5, 5)) for m in MONTHS]
            indikator.append({"id": f"IK{i}_{j}", "name": f"Indikator {i}.{j} pelayanan publik", "satuan": "%",
                              "polaritas": polaritas, "target": target, "months": months})
        sasaran.append({"id": f"SS{i}", "name": f"Sasaran {i} meningkatnya kualitas pelayanan",
                        "indikator": indikator})
    return {"instansi": "Kabupaten Contoh", "tahun": 2023, "sasaran": sasaran, "programs": programs}


def to_lkj(data: dict) -> str:
    out = [f'instansi "{data["instansi"]}"', f'tahun {data["tahun"]}', "renstra 2023..2026", "angka indonesia",
           "skala permendagri86", "efisiensi 5", ""]
    for sasaran in data["sasaran"]:
        out.append(f'sasaran {sasaran["id"]} "{sasaran["name"]}" {{')
        for ind in sasaran["indikator"]:
            out.append(f'    indikator {ind["id"]} "{ind["name"]}" {{')
            out.append(f'        satuan "{ind["satuan"]}"; polaritas {ind["polaritas"]}; target {ind["target"]}')
            out.append("        periode bulanan gabung terakhir {")
            out += [f"            {m} {t} {r}" for m, t, r in ind["months"]]
            out.append("        }")
            out.append("    }")
        out.append("}")
    for program in data["programs"]:
        out.append(f'program {program["code"]} "{program["name"]}" {{')
        for kegiatan in program["kegiatan"]:
            out.append(f'    kegiatan {kegiatan["code"]} "{kegiatan["name"]}" {{')
            for s in kegiatan["sub"]:
                out.append(f'        subkegiatan {s["code"]} "{s["name"]}" {{')
                out.append(f'            anggaran {rupiah(s["anggaran"])}; realisasi {rupiah(s["realisasi"])}; '
                           f'capaian_output {s["capaian_output"]}')
                out.append(f'            tercetak "Tabel 3.1" anggaran {rupiah(s["anggaran"])} '
                           f'realisasi {rupiah(s["realisasi"])}')
                out.append("            periode bulanan gabung terakhir {")
                out += [f"                {m} {rupiah(t)} {rupiah(r)}" for m, t, r in s["months"]]
                out.append("            }")
                out.append("        }")
            out.append("    }")
        out.append("}")
    out += ['aturan serapan_rendah "Serapan di bawah 50 %" {', "    untuk subkegiatan", "    jika serapan < 50",
            '    pesan "{kode} {nama}: serapan {serapan} %"', "    tingkat peringatan", "}", ""]
    return "\n".join(out)


def to_plain(data: dict) -> dict:
    """The same data as a YAML/JSON document would hold it (months as mappings)."""
    def months(rows):
        return [{"bulan": m, "target": t, "realisasi": r} for m, t, r in rows]

    return {
        "instansi": data["instansi"], "tahun": data["tahun"],
        "sasaran": [{**{k: v for k, v in s.items() if k != "indikator"},
                     "indikator": [{**{k: v for k, v in i.items() if k != "months"}, "periode": months(i["months"])}
                                   for i in s["indikator"]]} for s in data["sasaran"]],
        "program": [{"kode": p["code"], "nama": p["name"], "kegiatan": [
            {"kode": k["code"], "nama": k["name"], "subkegiatan": [
                {"kode": s["code"], "nama": s["name"], "anggaran": s["anggaran"], "realisasi": s["realisasi"],
                 "capaian_output": s["capaian_output"], "tercetak": {"sumber": "Tabel 3.1", "anggaran": s["anggaran"],
                                                                     "realisasi": s["realisasi"]},
                 "periode": months(s["months"])} for s in k["sub"]]} for k in p["kegiatan"]]}
            for p in data["programs"]],
    }


def write_all(sub_count: int, folder: Path) -> dict[str, Path]:
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    data = build_data(sub_count)
    paths = {ext: folder / f"spec-{sub_count}.{ext}" for ext in ("lkj", "yaml", "json")}
    paths["lkj"].write_text(to_lkj(data), encoding="utf-8")
    plain = to_plain(data)
    paths["json"].write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    paths["yaml"].write_text(yaml.dump(plain, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
    return paths


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/lkj-bench")
    for ext, path in write_all(count, target).items():
        print(f"{ext:5} {path} {path.stat().st_size / 1e6:.2f} MB")
