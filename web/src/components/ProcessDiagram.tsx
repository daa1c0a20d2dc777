import modelA from '../../../workflows/chi-doan-dat-chuan.asl.json';
import modelB from '../../../workflows/doan-co-so-3-chu-dong.asl.json';

interface AslState {
  Type: string;
  Comment?: string;
  Next?: string;
  Default?: string;
  End?: boolean;
  Choices?: { StringEquals?: string; Next: string }[];
}
interface Asl {
  StartAt: string;
  States: Record<string, AslState>;
}

const MACHINES: Record<string, Asl> = { 'chi-doan-dat-chuan': modelA, 'doan-co-so-3-chu-dong': modelB };

/** The states a step's branch runs through, in order, up to the shared ending. */
function branchOf(asl: Asl, start: string): string[] {
  const path: string[] = [];
  let name: string | undefined = start;
  while (name && name !== 'HasNotices' && !path.includes(name)) {
    path.push(name);
    const state: AslState | undefined = asl.States[name];
    name = state?.Next ?? (state?.Choices?.[0]?.Next);
  }
  return path;
}

const label = (asl: Asl, name: string) => asl.States[name]?.Comment ?? name;

/**
 * The model's state machine as its ASL file defines it: the entry choice fans out to one branch
 * per step (in the order the ASL lists them), each ending in the notices. The unit's current step
 * is highlighted. Read from workflows/*.asl.json at build time: the picture cannot drift from
 * what runs.
 */
export function ProcessDiagram({ templateId, currentStep }: { templateId: string; currentStep?: string }) {
  const asl = MACHINES[templateId];
  const entry = asl?.States[asl.StartAt];
  if (!asl || !entry?.Choices) return null;
  return (
    <figure className="diagram" aria-label="Sơ đồ quy trình">
      <div className="node choice">{label(asl, asl.StartAt)}</div>
      <ol className="branches">
        {entry.Choices.map((choice) => {
          const current = choice.StringEquals === currentStep;
          return (
            <li key={choice.Next} className={current ? 'current' : ''} data-step={choice.StringEquals} aria-current={current ? 'step' : undefined}>
              {branchOf(asl, choice.Next).map((name) => (
                <div key={name} className={`node ${asl.States[name]?.Type === 'Choice' ? 'choice' : 'task'}`}>
                  {label(asl, name)}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
      <div className="node choice">{label(asl, 'HasNotices')}</div>
      <div className="node task">{label(asl, 'SendNotices')}</div>
      <figcaption className="muted">Các bước của quy trình; khung đậm là bước hiện tại của đơn vị.</figcaption>
    </figure>
  );
}
