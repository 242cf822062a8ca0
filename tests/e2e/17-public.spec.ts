import { expect, test } from './fixtures';
import { addTeamMember, expectNoSidewaysScroll, fillProvider, PROVIDER } from './public-support';
import { heldSpecialMeeting } from './seed';
import { check, nav, newPage } from './support';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('public side: the office publishes the network page; a visitor finds the network, its team, contact, decisions and imprint', async ({
  browser,
  network,
}) => {
  const { decisionNumber } = await heldSpecialMeeting(network);
  const office = await network.account('office');
  const slug = `netz-${network.id.slice(0, 8)}`;

  // The office opens the editor: names, not addresses or ids; nothing is public yet.
  const page = await network.open(browser, office, '/start', { viewport: { width: 1280, height: 900 } });
  await nav(page).getByRole('link', { name: 'Öffentliche Seite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Öffentliche Seite' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`über „${network.name}“`);
  await expect(page.getByText('Nicht veröffentlicht', { exact: true })).toBeVisible();
  await check(page, '17-editor');
  await expectNoSidewaysScroll(page);

  // Publishing without the imprint's details is refused, naming what is missing.
  const editor = page.getByRole('region', { name: 'Netzwerkseite' });
  await editor.getByLabel('Öffentliche Seite veröffentlichen').check();
  await editor.getByRole('button', { name: 'Netzwerkseite speichern' }).click();
  await expect(editor.getByRole('alert')).toContainText('Zum Veröffentlichen fehlen noch');
  await expect(editor.getByRole('alert')).toContainText('Verantwortlich nach § 18 Abs. 2 MStV');
  await check(page, '17-editor-fehlt');

  await fillProvider(editor, slug);
  await addTeamMember(editor, {
    name: 'Petra Schulte',
    function: 'Leitung des Bildungsbüros',
    phone: '0291 94-1234',
    email: `petra.schulte@${slug}.example`,
  });
  const decisions = editor.getByRole('group', { name: 'Öffentliche Beschlüsse' });
  await decisions.getByRole('checkbox', { name: new RegExp(`^${decisionNumber} vom`) }).check();
  // One button saves the whole page.
  await expect(editor.getByRole('button', { name: /speichern/ })).toHaveCount(1);
  await editor.getByRole('button', { name: 'Netzwerkseite speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Netzwerkseite ist gespeichert und veröffentlicht.' }),
  ).toBeVisible();
  await expect(page.getByText('Veröffentlicht', { exact: true })).toBeVisible();
  await check(page, '17-editor-veroeffentlicht');
  await page.context().close();

  // A visitor without an account opens the start page and finds the network.
  for (const [size, options] of [
    ['1280', { viewport: { width: 1280, height: 900 } }],
    ['390', PHONE],
  ] as const) {
    const visitor = await newPage(browser, options);
    await visitor.goto('/');
    await expect(
      visitor.getByRole('heading', { level: 1, name: 'Regionale Bildungsnetzwerke' }),
    ).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Anmelden' }).first()).toHaveAttribute(
      'href',
      '/anmelden',
    );
    await check(visitor, `17-start-${size}`);
    await expectNoSidewaysScroll(visitor);
    const card = visitor.getByRole('article', { name: network.name });
    await expect(card).toContainText(`${PROVIDER.city} · Regionalschlüssel ${network.regionKey}`);
    await card.getByRole('link', { name: network.name }).click();

    // The network page opens with what the network is and how to reach the office.
    await expect(visitor).toHaveURL(new RegExp(`/netzwerk/${slug}$`));
    await expect(visitor.getByRole('heading', { level: 1, name: network.name })).toBeVisible();
    await expect(visitor.getByRole('main')).toContainText(PROVIDER.description);
    const contact = visitor.getByRole('region', { name: 'Kontakt' });
    await expect(contact).toContainText(PROVIDER.provider);
    await expect(contact).toContainText(`${PROVIDER.street}`);
    await expect(contact).toContainText(`${PROVIDER.postalCode} ${PROVIDER.city}`);
    await expect(contact.getByRole('link', { name: PROVIDER.phone })).toHaveAttribute('href', 'tel:0291940');
    const team = visitor.getByRole('region', { name: 'Team des Bildungsbüros' });
    await expect(team).toContainText('Petra Schulte');
    await expect(team).toContainText('Leitung des Bildungsbüros');
    await expect(team.getByRole('link', { name: '0291 94-1234' })).toHaveAttribute('href', 'tel:0291941234');
    await expect(team.getByRole('link', { name: `petra.schulte@${slug}.example` })).toHaveAttribute(
      'href',
      `mailto:petra.schulte@${slug}.example`,
    );
    // The decision the committee released, with number, date and text.
    const published = visitor.getByRole('region', { name: 'Beschlüsse des Lenkungskreises' });
    await expect(published.getByRole('article', { name: 'Arbeitsauftrag Berufsorientierung' })).toContainText(
      new RegExp(`Beschluss ${decisionNumber} vom \\d{2}\\.\\d{2}\\.\\d{4}`),
    );
    await expect(published).toContainText('Praxistage für alle Klassen 8');
    await check(visitor, `17-netzwerk-${size}`);
    await expectNoSidewaysScroll(visitor);

    // The imprint is filled from the details, not an instruction to the office.
    await visitor
      .getByRole('navigation', { name: 'Rechtliches' })
      .getByRole('link', { name: 'Impressum' })
      .click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Impressum' })).toBeFocused();
    const main = visitor.getByRole('main');
    for (const label of [
      'Anbieter',
      'Vertretungsberechtigt',
      'Kontakt',
      'Verantwortlich nach § 18 Abs. 2 MStV',
    ])
      await expect(main.getByRole('term').filter({ hasText: label })).toBeVisible();
    await expect(main).toContainText(PROVIDER.representative);
    await expect(main).toContainText(PROVIDER.responsible);
    await expect(main).not.toContainText('ergänzt das Bildungsbüro');
    await check(visitor, `17-impressum-${size}`);
    await expectNoSidewaysScroll(visitor);
    await visitor.context().close();
  }

  // On a phone, the office takes the page off again: the public gets "not found".
  const phone = await network.open(browser, office, '/verwaltung/oeffentliche-seite', PHONE);
  await expect(phone.getByRole('heading', { level: 1, name: 'Öffentliche Seite' })).toBeVisible();
  await check(phone, '17-editor-390');
  await expectNoSidewaysScroll(phone);
  const phoneEditor = phone.getByRole('region', { name: 'Netzwerkseite' });
  await phoneEditor.getByLabel('Öffentliche Seite veröffentlichen').uncheck();
  await phoneEditor.getByRole('button', { name: 'Netzwerkseite speichern' }).click();
  await expect(
    phone.getByRole('status').filter({ hasText: 'Die Netzwerkseite ist gespeichert.' }),
  ).toBeVisible();
  await phone.context().close();

  const late = await newPage(browser);
  await late.goto(`/netzwerk/${slug}`);
  await expect(late.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' })).toBeVisible();
  await late.goto('/');
  await expect(late.getByRole('heading', { level: 1, name: 'Regionale Bildungsnetzwerke' })).toBeVisible();
  await expect(late.getByRole('article', { name: network.name })).toHaveCount(0);
  await late.context().close();
});
