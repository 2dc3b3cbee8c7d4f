import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  sampleAmendment,
  sampleInternshipView,
  sampleOccupationView,
  sampleRooftopView,
  sampleSkillsView,
} from '../../../matching/conventions/sample-views';
import { renderTemplate, TemplateError, type RenderedTemplate } from '../../../matching/conventions/template';
import type {
  ConventionView,
  ObservationInternshipView,
  SkillsPlacementView,
  TemporaryOccupationView,
} from '../../../matching/conventions/view-model';
import { defaultTemplatesDir, loadConventionTemplates, TEMPLATE_KINDS, templateIdFor } from './template-files';

/**
 * The convention templates are edited by the Mission ESS and the legal service: these tests are what tells them an
 * edit is safe. Every template must render with its sample view in every variant that changes the text, and the
 * rendered text must still state everything the law and the plan require.
 */

const templates = loadConventionTemplates();

/** The text a reader sees: title, headings, paragraphs and list items, in order, one per line. */
function textOf(rendered: RenderedTemplate): string {
  const lines = [rendered.title];
  for (const block of rendered.blocks) {
    if (block.type === 'heading') lines.push(block.text);
    else if (block.type === 'paragraph') lines.push(block.runs.map((run) => run.text).join(''));
    else for (const item of block.items) lines.push(item.map((run) => run.text).join(''));
  }
  return lines.join('\n');
}

function render(view: ConventionView): { rendered: RenderedTemplate; text: string } {
  const template = templates.get(templateIdFor(view));
  if (!template) throw new Error(`modèle ${templateIdFor(view)} absent`);
  const rendered = renderTemplate(template, view);
  return { rendered, text: textOf(rendered) };
}

/** Every combination of the given options, each option being a named set of overrides. */
function variants<T>(axes: Record<string, Record<string, Partial<T>>>): { name: string; overrides: Partial<T> }[] {
  let result: { name: string; overrides: Partial<T> }[] = [{ name: '', overrides: {} }];
  for (const options of Object.values(axes)) {
    result = result.flatMap((partial) =>
      Object.entries(options).map(([name, overrides]) => ({
        name: partial.name ? `${partial.name}, ${name}` : name,
        overrides: { ...partial.overrides, ...overrides },
      })),
    );
  }
  return result;
}

function expectAll(text: string, phrases: readonly string[]): void {
  const missing = phrases.filter((phrase) => !text.includes(phrase));
  expect(missing, 'phrases absentes du texte rendu').toEqual([]);
}

function expectNone(text: string, phrases: readonly string[]): void {
  const present = phrases.filter((phrase) => text.includes(phrase));
  expect(present, 'phrases qui ne devraient pas figurer dans le texte rendu').toEqual([]);
}

/** What no rendered convention may contain, whatever the variant. */
function expectClean(rendered: RenderedTemplate, text: string): void {
  expect(text).not.toMatch(/\{\{|\}\}|\*\*|undefined|null|NaN|\[object Object\]|\btrue\b|\bfalse\b/);
  for (const block of rendered.blocks) {
    if (block.type === 'paragraph') expect(block.runs.map((run) => run.text).join('').trim()).not.toBe('');
    if (block.type === 'list') for (const item of block.items) expect(item.map((run) => run.text).join('').trim()).not.toBe('');
  }
  // Articles are numbered 1, 2, 3… with no gap whatever the variant, and the last one is about signatures.
  const articles = rendered.blocks.flatMap((block) => (block.type === 'heading' && block.level === 2 ? [block.text] : []));
  expect(articles.length).toBeGreaterThan(5);
  articles.forEach((title, index) => expect(title).toMatch(new RegExp(`^Article ${index + 1} — \\S`)));
  expect(articles[articles.length - 1]).toMatch(/— Signature$/);
}

/** The article on signatures, identical in every template. */
const SIGNATURE = ['signature électronique simple', 'article 1367 du code civil', 'eIDAS', 'format PDF', 'code de vérification'];

const amendmentAxis = {
  'convention initiale': { isAmendment: false },
  avenant: { isAmendment: true, amendment: sampleAmendment({ number: 2, baseReference: 'PAS-2026-XXX-0001' }) },
} satisfies Record<string, Partial<ConventionView>>;

function expectAmendment(view: ConventionView, text: string): void {
  if (view.isAmendment && view.amendment) {
    const { number, baseReference, baseSignedOn, summary } = view.amendment;
    expectAll(text, [`Avenant n° ${number} à la convention ${baseReference} signée le ${baseSignedOn}`, summary]);
  } else {
    expectNone(text, ['Avenant n°']);
  }
}

describe('template files', () => {
  it('holds the four templates, each of the kind its id calls for, with a dated version and its title as heading', () => {
    expect([...templates.keys()].sort()).toEqual(Object.keys(TEMPLATE_KINDS).sort());
    for (const [id, template] of templates) {
      expect(template.meta.kind).toBe(TEMPLATE_KINDS[id]);
      expect(template.fileName).toBe(`${id}.md`);
      expect(template.meta.version).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(template.body.startsWith(`# ${template.meta.title}\n`), `${id} : le corps commence par « # ${template.meta.title} »`).toBe(true);
    }
  });

  it('records the SHA-256 of each file as it is on disk, and ignores the README', () => {
    const dir = defaultTemplatesDir();
    const markdown = readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(markdown).toContain('README.md');
    expect(templates.size).toBe(markdown.length - 1);
    for (const template of templates.values()) {
      const bytes = readFileSync(path.join(dir, template.fileName));
      expect(template.sourceSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('chooses the template from the kind, and the rooftop variant for a rooftop', () => {
    expect(templateIdFor(sampleSkillsView())).toBe('mise-a-disposition-competences');
    expect(templateIdFor(sampleOccupationView())).toBe('occupation-temporaire');
    expect(templateIdFor(sampleRooftopView())).toBe('occupation-toiture-solaire');
    expect(templateIdFor(sampleInternshipView())).toBe('stage-observation-3e');
  });

  describe('refuses a folder the application could not use', () => {
    let dir = '';
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = '';
    });
    const original = (id: string) => readFileSync(path.join(defaultTemplatesDir(), `${id}.md`), 'utf8');

    it('two files with the same id', () => {
      dir = mkdtempSync(path.join(tmpdir(), 'passerelles-modeles-'));
      writeFileSync(path.join(dir, 'occupation-temporaire.md'), original('occupation-temporaire'));
      writeFileSync(path.join(dir, 'occupation-temporaire-copie.md'), original('occupation-temporaire'));
      expect(() => loadConventionTemplates(dir)).toThrow(TemplateError);
      expect(() => loadConventionTemplates(dir)).toThrow(
        'Deux modèles de convention portent l’identifiant « occupation-temporaire » : occupation-temporaire-copie.md et occupation-temporaire.md.',
      );
    });

    it('a kind that does not fit the id', () => {
      dir = mkdtempSync(path.join(tmpdir(), 'passerelles-modeles-'));
      writeFileSync(path.join(dir, 'stage-observation-3e.md'), original('stage-observation-3e').replace('kind: STAGE', 'kind: LIEU'));
      expect(() => loadConventionTemplates(dir)).toThrow(
        'stage-observation-3e.md : le modèle « stage-observation-3e » doit être de type STAGE (clé « kind »), et non LIEU.',
      );
    });

    it('a file that does not parse, naming it', () => {
      dir = mkdtempSync(path.join(tmpdir(), 'passerelles-modeles-'));
      writeFileSync(path.join(dir, 'brouillon.md'), 'Pas d’en-tête.');
      expect(() => loadConventionTemplates(dir)).toThrow('brouillon.md : l’en-tête (entre deux lignes « --- ») est absent.');
    });
  });
});

describe('convention de mise à disposition d’un agent (COMPETENCE)', () => {
  const paid: Partial<SkillsPlacementView> = { free: false, reimbursementAmount: '3 840,00 €', subsidy: undefined };
  const cases = variants<SkillsPlacementView>({
    gratuité: { gratuite: { free: true }, remboursée: paid },
    télétravail: { 'avec télétravail': { remote: true }, 'sans télétravail': { remote: false } },
    frais: { 'frais pris en charge': { expensesReimbursed: true }, 'sans frais': { expensesReimbursed: false, expensesDetails: '' } },
    avenant: amendmentAxis,
  });

  it.each(cases)('$name', ({ overrides }) => {
    const view = sampleSkillsView(overrides);
    const { rendered, text } = render(view);
    expectClean(rendered, text);
    expect(rendered.title).toBe('Convention de mise à disposition d’un agent du Département du Gard');
    expectAll(text, [
      // Parties, and the agent's agreement and line manager's approval.
      view.departement.name,
      view.departement.representativeName,
      view.host.name,
      view.host.siret ?? '',
      view.host.address,
      view.host.representativeName,
      view.host.eligibilityLabel,
      view.host.eligibilityVerifiedOn,
      view.agent.fullName,
      view.agent.statusLabel,
      view.agent.jobTitle,
      view.agent.agreementOn,
      view.lineManager.fullName,
      view.lineManager.approvedOn,
      // Legal basis.
      'article 209',
      '2022-217',
      '2022-1682',
      '19 juillet 2023',
      'action 2.4',
      // Décret art. 4, 1° to 4°.
      view.activities,
      ...view.skills.map((skill) => skill.label),
      view.start,
      view.end,
      '18 mois',
      '3 ans',
      view.experimentEnd,
      view.place,
      `${view.hoursPerMonth} heures par mois`,
      view.workingTime,
      'renouvel',
      'avant son terme',
      'à la demande de l’organisme d’accueil',
      'dans l’intérêt du service',
      'à la demande de l’agent',
      'préavis',
      // Obligations of the agent (CGFP L121-1 to L121-11).
      'L121-1 à L121-11',
      'dignité',
      'impartialité',
      'intégrité',
      'probité',
      'laïcité',
      'neutralité',
      'secret professionnel',
      'discrétion professionnelle',
      'conflit d’intérêts',
      // The arrêté, and the agent's position.
      view.arrete.reference,
      view.arrete.date,
      'demeure dans son cadre d’emplois',
      'versée par le Département',
      'pouvoir disciplinaire demeure exercé par le Département',
      // Confidentiality, insurance, evaluation.
      'confidentialité',
      'assurance de responsabilité civile',
      'rapport',
      'indicateurs de suivi du plan',
      'questionnaire de satisfaction',
      view.reference,
      ...SIGNATURE,
    ]);

    if (view.free) {
      const subsidy = view.subsidy!;
      expectAll(text, ['subvention en nature', '2000-321', 'article 10', 'objet', subsidy.purpose, 'montant', subsidy.amount, 'conditions d’utilisation', subsidy.conditions]);
      expectNone(text, ['rembourse au Département']);
    } else {
      expectAll(text, ['rembourse au Département', view.reimbursementAmount!]);
      expectNone(text, ['2000-321', 'subvention en nature']);
    }
    if (view.remote) expectAll(text, ['télétravail']);
    else expectAll(text, ['le télétravail n’est pas prévu']);
    if (view.expensesReimbursed) expectAll(text, [view.expensesDetails]);
    else expectAll(text, ['Aucune prise en charge de frais']);
    expectAmendment(view, text);
  });

  it('names the host without SIRET when it has none', () => {
    const view = sampleSkillsView();
    const { text } = render({ ...view, host: { ...view.host, siret: undefined } });
    expectNone(text, ['SIRET']);
  });

  it('refuses to draw the convention without the arrêté, the subsidy of a free placement or the amount of a paid one', () => {
    expect(() => render(sampleSkillsView({ arrete: { reference: '', date: '20 novembre 2026' } }))).toThrow('{{arrete.reference}}');
    expect(() => render(sampleSkillsView({ subsidy: undefined }))).toThrow('{{subsidy.purpose}}');
    expect(() => render(sampleSkillsView({ free: false, reimbursementAmount: undefined }))).toThrow('{{reimbursementAmount}}');
  });
});

/** What the two occupation templates share. */
function expectOccupation(view: TemporaryOccupationView, text: string): void {
  expectAll(text, [
    view.departement.name,
    view.departement.representativeName,
    view.occupant.name,
    view.occupant.address,
    view.occupant.representativeName,
    view.occupant.siret ?? '',
    view.domainLabel,
    view.property.typeLabel,
    view.property.address,
    `${view.property.surfaceM2} m²`,
    view.property.floorLabel,
    view.property.description,
    view.allowedUse,
    view.start,
    view.end,
    view.charges,
    'action 1.3',
    'L2122-1',
    'révocable',
    'état des lieux',
    'sous-louer',
    'céder',
    'à titre personnel',
    'assure sa responsabilité civile',
    'établissements recevant du public',
    'incendie',
    'Résiliation',
    'préavis',
    'questionnaire de satisfaction',
    view.reference,
    ...SIGNATURE,
  ]);

  if (view.publicDomain) {
    expectAll(text, ['domaine public du Département', 'L2122-1 à L2122-3', 'précaire et révocable', 'baux commerciaux', 'motif d’intérêt général', 'tribunal administratif de Nîmes']);
  } else {
    expectAll(text, ['domaine privé du Département', 'renouvellement']);
    expectNone(text, ['tribunal administratif']);
  }

  if (view.free) {
    expectAll(text, ['à titre gratuit', view.freeGround!]);
    if (view.publicDomain) expectAll(text, ['L2125-1']);
  } else if (!view.rooftop) {
    expectAll(text, ['redevance annuelle', view.yearlyFee!]);
  }
  if (!view.free && view.publicDomain) expectAll(text, ['L2125-1', 'L2125-3']);

  if (view.economicUse) {
    const call = view.callForOccupation!;
    expectAll(text, ['L2122-1-1', 'procédure de sélection préalable', 'publicité', call.reference, call.publishedOn, call.deadline]);
  }

  if (view.isGrouping) {
    expectAll(text, ['chef de file', 'membres du groupement']);
    for (const member of view.members) {
      expectAll(text, [member.name, member.address, ...(member.siret ? [member.siret] : [])]);
    }
  } else {
    expectNone(text, ['chef de file', 'groupement']);
  }
  expectAmendment(view, text);
}

const callForOccupation = { reference: 'AAC-2026-LIEU-12', publishedOn: '1er septembre 2026', deadline: '15 octobre 2026' };
const domainAxis = {
  'domaine public': { publicDomain: true, domainLabel: 'domaine public' },
  'domaine privé': { publicDomain: false, domainLabel: 'domaine privé' },
} satisfies Record<string, Partial<TemporaryOccupationView>>;
const economicAxis = {
  'usage économique': { economicUse: true, callForOccupation },
  'usage non économique': { economicUse: false, callForOccupation: undefined },
} satisfies Record<string, Partial<TemporaryOccupationView>>;

describe('convention d’occupation temporaire (LIEU)', () => {
  const alone = { isGrouping: false, members: [] };
  const cases = variants<TemporaryOccupationView>({
    groupement: { groupement: {}, 'structure seule': alone },
    domaine: domainAxis,
    redevance: {
      gratuite: {},
      payante: { free: false, yearlyFee: '4 800,00 €', freeGround: undefined },
    },
    usage: economicAxis,
    avenant: amendmentAxis,
  });

  it.each(cases)('$name', ({ overrides }) => {
    const view = sampleOccupationView(overrides);
    const { rendered, text } = render(view);
    expectClean(rendered, text);
    expect(rendered.title).toBe('Convention d’occupation temporaire d’un bien du Département du Gard');
    expectOccupation(view, text);
    expectAll(text, [view.durationLabel, 'restitue', 'état des lieux de sortie', 'aucuns travaux']);
    if (!view.publicDomain) expectAll(text, ['convention d’occupation précaire', 'L145-5-1']);
    expectAll(text, [view.property.stepFreeAccess ? 'plain-pied' : 'pas accessible de plain-pied']);
  });

  it('refuses to draw the convention of an economic use without its call for occupation', () => {
    expect(() => render(sampleOccupationView({ economicUse: true }))).toThrow('{{callForOccupation.reference}}');
    expect(() => render(sampleOccupationView({ free: true, freeGround: '' }))).toThrow('{{freeGround}}');
  });
});

describe('convention d’occupation d’une toiture pour une installation solaire (LIEU, toiture)', () => {
  const terms = sampleRooftopView().rooftopTerms!;
  const fees: Record<string, Partial<typeof terms>> = {
    'part fixe et part variable': {},
    'part fixe seule': { revenueSharePercent: undefined },
    'part variable seule': { fixedFee: undefined },
    'redevance forfaitaire': { fixedFee: undefined, revenueSharePercent: undefined },
  };
  const free: Partial<TemporaryOccupationView> = {
    free: true,
    yearlyFee: undefined,
    freeGround: 'l’occupant est une association à but non lucratif qui concourt à la satisfaction d’un intérêt général.',
  };
  const cases = variants<TemporaryOccupationView>({ domaine: domainAxis, usage: economicAxis }).flatMap(({ name, overrides }) =>
    [true, false].flatMap((realRights) => {
      const rights = realRights ? 'droits réels' : 'sans droits réels';
      return [
        ...Object.entries(fees).map(([fee, change]) => ({
          name: `${name}, ${rights}, ${fee}`,
          overrides: { ...overrides, rooftopTerms: { ...terms, ...change, realRights } },
        })),
        { name: `${name}, ${rights}, gratuite`, overrides: { ...overrides, ...free, rooftopTerms: { ...terms, realRights } } },
      ];
    }),
  );
  const more = [
    { name: 'groupement', overrides: { isGrouping: true, members: sampleOccupationView().members } },
    { name: 'avenant', overrides: amendmentAxis.avenant },
  ];

  it.each([...cases, ...more])('$name', ({ overrides }) => {
    const view = sampleRooftopView(overrides);
    const { rendered, text } = render(view);
    expectClean(rendered, text);
    const rooftop = view.rooftopTerms!;
    expect(rendered.title).toBe('Convention d’occupation temporaire d’une toiture du Département du Gard pour une installation photovoltaïque');
    expectOccupation(view, text);
    expectAll(text, [
      `${rooftop.durationYears} ans`,
      'photovoltaïque',
      'étude de structure',
      'étanchéité',
      'accèdent à la toiture',
      'raccordement',
      'à la charge et aux risques exclusifs de l’occupant',
      'démantèlement',
      'remise en état',
      'recyclage',
      'revient alors gratuitement',
    ]);
    if (view.publicDomain) {
      expectAll(text, ['L2122-2', 'précaire et révocable']);
      if (rooftop.realRights) expectAll(text, ['constitutive de droits réels', 'L1311-5', '70 ans']);
      else expectAll(text, ['n’est pas constitutive de droits réels']);
    } else if (rooftop.realRights) {
      expectAll(text, ['acte distinct']);
    }
    if (!view.free) {
      if (rooftop.fixedFee) expectAll(text, ['part fixe annuelle', rooftop.fixedFee]);
      if (rooftop.revenueSharePercent) expectAll(text, [`${rooftop.revenueSharePercent} %`, 'chiffre d’affaires']);
      if (!rooftop.fixedFee && !rooftop.revenueSharePercent) expectAll(text, [view.yearlyFee!]);
    }
  });

  it('refuses to draw the convention without the rooftop terms', () => {
    expect(() => render(sampleRooftopView({ rooftopTerms: undefined }))).toThrow('{{rooftopTerms.durationYears}}');
  });
});

describe('convention de séquence d’observation en milieu professionnel (STAGE)', () => {
  const sample = sampleInternshipView();
  const cases = variants<ObservationInternshipView>({
    représentants: {
      'deux représentants légaux': {},
      'un représentant légal': { legalRepresentatives: sample.legalRepresentatives.slice(0, 1) },
    },
    avenant: amendmentAxis,
  });

  it.each(cases)('$name', ({ overrides }) => {
    const view = sampleInternshipView(overrides);
    const { rendered, text } = render(view);
    expectClean(rendered, text);
    expect(rendered.title).toBe('Convention relative à la séquence d’observation en milieu professionnel d’un élève de troisième');
    expectAll(text, [
      // Parties and signatories.
      view.host.name,
      view.host.siret ?? '',
      view.host.address,
      view.host.representativeName,
      view.host.representativeCapacity,
      view.college.name,
      view.college.uai ?? '',
      view.college.representativeName,
      view.college.representativeCapacity,
      view.pupil.fullName,
      view.pupil.birthDate,
      view.pupil.className,
      ...view.legalRepresentatives.map((representative) => representative.fullName),
      view.tutor.fullName,
      view.tutor.role,
      view.referentTeacher.fullName,
      // Legal basis.
      'D.332-14',
      'D.331-1 à D.331-9',
      'L4153-1',
      'L4153-2',
      '12 juillet 2024',
      'action 2.2',
      // Pedagogical annex and organisation.
      view.objectives,
      ...view.activities.map((activity) => activity.label),
      view.place,
      view.start,
      view.end,
      view.weekLabel,
      ...view.days.flatMap((day) => [day.dayLabel, day.hours, day.total]),
      view.weeklyTotal,
      'cinq jours, consécutifs ou non',
      // Status, forbidden work, working time.
      'conserve son statut scolaire',
      'autorité et la responsabilité du chef d’établissement',
      'ne perçoit aucune rémunération ni gratification',
      'production',
      'machines',
      'D4153-15 à D4153-37',
      ...view.workingTimeRules.flatMap((rule) => [rule.text, rule.reference]),
      // Insurance, accident, violence, end.
      'responsabilité civile',
      'attestation d’assurance',
      'déclaration d’accident',
      'le jour même',
      'violences sexistes et sexuelles',
      '119',
      'mettre fin à la séquence',
      // Financial annex.
      view.meals,
      view.transport,
      view.lodging,
      view.reference,
      ...SIGNATURE,
    ]);
    expectAmendment(view, text);
  });

  it('names the host and the collège without SIRET or UAI when they have none', () => {
    const { text } = render(sampleInternshipView({ host: { ...sample.host, siret: undefined }, college: { ...sample.college, uai: undefined } }));
    expectNone(text, ['SIRET', 'UAI']);
  });

  it('refuses to draw the convention without the tutor or a day of the schedule', () => {
    expect(() => render(sampleInternshipView({ tutor: { fullName: '', role: 'animateur' } }))).toThrow('{{tutor.fullName}}');
    expect(() => render(sampleInternshipView({ days: [{ dayLabel: 'Lundi 7 décembre 2026', hours: '', total: '6 h 00' }] }))).toThrow('{{hours}}');
  });
});
