import type { QuestionReport, ReportContent } from '../report-content';
import { FORMULA_PROMPT, HOSTILE, MULTILINE_PROMPT, reportFixture } from './fixture';
import { REPORT_CSV_HEADER, renderReportCsv } from './report-csv';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    fields.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(fields);
      fields = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (fields.length > 0) throw new Error('last record without CRLF');
  return records;
}

interface Row {
  surveyId: string;
  surveyTitle: string;
  questionId: string;
  questionType: string;
  prompt: string;
  value: string;
  n: string;
  pct: string;
}

function rowsOf(csv: string): Row[] {
  const [header, ...data] = parseCsv(csv);
  expect(header).toEqual([...REPORT_CSV_HEADER]);
  return data.map((cells) => {
    expect(cells).toHaveLength(REPORT_CSV_HEADER.length);
    return Object.fromEntries(REPORT_CSV_HEADER.map((name, i) => [name, cells[i]])) as unknown as Row;
  });
}

const questionsOf = (content: ReportContent): QuestionReport[] => content.surveys.flatMap((s) => s.questions);

describe('renderReportCsv', () => {
  const content = reportFixture();
  const csv = renderReportCsv(content);
  const rows = rowsOf(csv);

  it('starts with the header and ends every record with CRLF', () => {
    expect(csv.startsWith('surveyId,surveyTitle,questionId,questionType,prompt,value,n,pct\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(renderReportCsv(content, { bom: true }).startsWith('\uFEFFsurveyId,')).toBe(true);
  });

  it('has one row per question × distribution value, in report order', () => {
    const expected = questionsOf(content).flatMap((q) => (q.distribution ?? []).map((d) => `${q.id}/${d.value}/${d.n}`));
    expect(expected).toHaveLength(40);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => `${r.questionId}/${r.value}/${r.n}`)).toEqual(expected);
    expect(rows[0]).toEqual({
      surveyId: content.surveys[0].surveyId,
      surveyTitle: content.surveys[0].title,
      questionId: 'q-frequency',
      questionType: 'single_choice',
      prompt: `How often do you cook? ${HOSTILE}`,
      value: 'daily',
      n: '10',
      pct: '41.67',
    });
  });

  it('leaves out questions without a distribution (text, SUS) and writes no verbatim', () => {
    const ids = new Set(rows.map((r) => r.questionId));
    for (const id of ['q-improve', 'q-sus', 'q-last']) expect(ids.has(id)).toBe(false);
    expect(csv).not.toContain('too loud');
    expect(csv).not.toContain('P-07');
    expect(csv).not.toContain('noise');
  });

  it('quotes prompts and titles with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csv).toContain('"Overall, how ""easy"" was the set-up,\nfrom unboxing to the first recipe?"');
    expect(csv).toContain(`"Usage & satisfaction, week 2 <script>alert(1)</script> ""quotes"" & 'apostrophes'"`);
    expect(rows.filter((r) => r.questionId === 'q-ease').map((r) => r.prompt)).toEqual(Array(5).fill(MULTILINE_PROMPT));
    expect(csv).toContain(
      ',q-frequency,single_choice,"How often do you cook? <script>alert(1)</script> ""quotes"" & \'apostrophes\'",daily,10,41.67\r\n',
    );
  });

  it('neutralises a prompt that starts like a formula', () => {
    expect(csv).toContain(`,q-lid,likert,"'=HYPERLINK(""x"",""Click"") How would you rate the lid?",1,2,8.33\r\n`);
    expect(rows.filter((r) => r.questionId === 'q-lid').every((r) => r.prompt === `'${FORMULA_PROMPT}`)).toBe(true);
    for (const row of rows) {
      for (const cell of Object.values(row)) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('writes pct rounded to 2 decimals, summing to about 100 per single-answer question', () => {
    for (const row of rows) expect(row.pct).toMatch(/^(\d{1,3}(\.\d{1,2})?)?$/);
    const byQuestion = new Map<string, Row[]>();
    for (const row of rows) byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
    for (const question of questionsOf(content).filter((q) => q.distribution !== undefined && q.n > 0)) {
      const sum = (byQuestion.get(question.id) ?? []).reduce((total, r) => total + Number(r.pct), 0);
      // several options per respondent: more than 100
      if (question.type === 'multi_choice') expect(sum).toBeGreaterThan(100);
      else expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.005 * question.distribution!.length);
    }
    expect(rows.find((r) => r.questionId === 'q-nps' && r.value === '9')?.pct).toBe('25');
  });

  it('leaves pct empty when nobody answered', () => {
    const dessert = rows.filter((r) => r.questionId === 'q-dessert');
    expect(dessert).toHaveLength(5);
    expect(dessert.every((r) => r.n === '0' && r.pct === '')).toBe(true);
  });

  it('writes numeric values as numbers and neutralises values that only start like one', () => {
    const patched = reportFixture();
    patched.surveys = [
      {
        surveyId: 's-1',
        title: '+ Extra',
        kind: 'usage',
        respondents: 4,
        questions: [
          {
            id: 'q-temp',
            type: 'number',
            prompt: 'Degrees below the set temperature',
            n: 4,
            distribution: [
              { value: '-2', n: 1, pct: 25 },
              { value: '0.5', n: 1, pct: 25 },
              { value: '-2 or less', n: 1, pct: 25 },
              { value: '@home', n: 1, pct: 25 },
            ],
          },
        ],
      },
    ];
    expect(renderReportCsv(patched).split('\r\n').slice(1, -1)).toEqual([
      `s-1,'+ Extra,q-temp,number,Degrees below the set temperature,-2,1,25`,
      `s-1,'+ Extra,q-temp,number,Degrees below the set temperature,0.5,1,25`,
      `s-1,'+ Extra,q-temp,number,Degrees below the set temperature,'-2 or less,1,25`,
      `s-1,'+ Extra,q-temp,number,Degrees below the set temperature,'@home,1,25`,
    ]);
  });

  it('is only a header for a report without surveys', () => {
    expect(renderReportCsv({ ...content, surveys: [] })).toBe('surveyId,surveyTitle,questionId,questionType,prompt,value,n,pct\r\n');
  });
});
