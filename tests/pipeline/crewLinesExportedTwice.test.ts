/**
 * A crew-seeded author's lines stay out of traffic-diversion even when a comment is exported twice under two notes.
 * Group keeps a row per note (it drops copies per key), resolve keeps the first copy: the hosted note's row makes the
 * line the promotion's, while the kept copy sits on a note no crew touched, where traffic-diversion's own exclusion
 * (crewPartnersByNote) does not see it. withoutExplained (shared/detect/detectAccount.ts) is what keeps it one code.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { detectInProcess } from '#scripts/bench/detectInProcess';
import { account, at, atSeconds, comment, note, TAKEN_AT } from '../detect/harness.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const jsonl = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';

describe("a crew-seeded author's lines exported twice", () => {
  it("are the promotion's evidence only, though the copy resolve keeps sits on a note no crew touched", async () => {
    const root = await mkdtemp(join(tmpdir(), 'crew-lines-twice-'));
    dirs.push(root);
    const crew = ['w1', 'w2', 'w3', 'w4'];
    const praises = ['我用过这个牌子，太好用了！！', '用过这个牌子 真的超级好用😍', '我也用过这个牌子～太好用啦', '这个牌子我用过，超好用！'];
    const worked = ['h1', 'h2'].flatMap((n, i) => crew.map((m, j) => comment(`${n}-${m}`, n, m, praises[j], { createdAt: atSeconds(i * 86400 * 5 + j * 240) })));
    const lines = (noteOf: (n: string) => string) =>
      ['想要的私我哦，加我私聊', '私我拿优惠，私聊发你'].map((text, i) => comment(`h${i + 1}-line`, noteOf(`h${i + 1}`), 'host', text, { createdAt: atSeconds(i * 86400 * 5 + 3000) }));
    const snap = join(root, 'snapshot');
    for (const kind of ['accounts', 'notes', 'comments']) await mkdir(join(snap, kind), { recursive: true });
    await writeFile(join(snap, 'accounts/part-00000.jsonl'), jsonl(['host', 'other', ...crew].map((a) => account(a))));
    await writeFile(
      join(snap, 'notes/part-00000.jsonl'),
      jsonl([
        ...['h1', 'h2'].map((id, i) => note(id, 'host', { title: '被问爆的精华', body: '朋友送的，完全超出预期，姐妹们冲', brandIds: ['glowx'], createdAt: at(i * 60 * 24 * 5 - 60) })),
        note('x1', 'other', { title: '今天的晚饭', body: '随手拍拍', createdAt: at(-60) }),
      ]),
    );
    // the host's lines first under x1 (no act there), then again under the crew's notes
    await writeFile(join(snap, 'comments/part-00000.jsonl'), jsonl(lines(() => 'x1')));
    await writeFile(join(snap, 'comments/part-00001.jsonl'), jsonl([...worked, ...lines((n) => n)]));
    const parts = { accounts: ['accounts/part-00000.jsonl'], notes: ['notes/part-00000.jsonl'], comments: ['comments/part-00000.jsonl', 'comments/part-00001.jsonl'] };
    await writeFile(join(snap, 'manifest.json'), JSON.stringify({ format: 'crackdown-snapshot/1', snapshotId: 'crew-lines-twice', takenAt: TAKEN_AT, parts }));

    const host = (await detectInProcess(snap, join(root, 'work'), defaultPolicy(), 'twice')).find((d) => d.accountId === 'host');
    expect(host?.findings.map((f) => [f.ruleId, f.evidence.commentIds])).toEqual([['undisclosed-promotion/crew-seeded', ['h1-line', 'h2-line']]]);
  });
});
