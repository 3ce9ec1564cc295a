import type { Definition, Link, LinkReference, Nodes, Paragraph } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type Finding, type Rule, finding } from './problem.ts';
import type { LintSource } from './source.ts';

const emptyLink: Rule = { id: 'link-empty', severity: 'error' };
const vagueLink: Rule = { id: 'link-vague', severity: 'warning' };
const plainHttp: Rule = { id: 'link-http', severity: 'warning' };
const readAlsoSelf: Rule = { id: 'read-also-self', severity: 'error' };

export interface LinkOptions {
  /** Hosts with no https:// version (`httpOnlyHosts` in src/site.config.ts); a host covers its subdomains. */
  httpOnlyHosts: readonly string[];
  /** The site's own address, to know a link to the article itself. */
  siteUrl: string;
}

/** Link texts that say nothing of where the link goes, once lower-cased and stripped of punctuation. */
const VAGUE =
  /^(?:(?:en )?(?:cliquez|cliquer|clique|cliquant)(?: (?:ici|là))?|ici|là|ce lien|lien|suivez ce lien|voir ici)$/;

/** Machines on the newsroom's own network: http is all they have, and readers never follow them. */
function isLocal(host: string): boolean {
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[')
  );
}

function httpFinding(url: string, line: number, options: LinkOptions): Finding[] {
  if (!/^http:\/\//i.test(url) || !URL.canParse(url)) return [];
  const host = new URL(url).hostname;
  if (isLocal(host) || options.httpOnlyHosts.some((known) => host === known || host.endsWith(`.${known}`))) return [];
  const secure = url.replace(/^http:/i, 'https:');
  return [
    finding(
      plainHttp,
      line,
      'body',
      `lien en http:// : écrivez ${secure}, que le navigateur ne signale pas comme non sécurisé (si ce site n’existe vraiment qu’en http, l’équipe technique l’ajoute à httpOnlyHosts dans src/site.config.ts)`,
    ),
  ];
}

/** Whether `url` is this article's own page: `/<section>/<slug>/`, relative or on the site's address. */
function isOwnPage(url: string, slug: string, siteUrl: string): boolean {
  if (!URL.canParse(url, siteUrl)) return false;
  const target = new URL(url, siteUrl);
  if (target.origin !== new URL(siteUrl).origin) return false;
  return (
    target.pathname
      .split('/')
      .filter((part) => part !== '')
      .at(-1) === slug
  );
}

export function checkLinks(source: LintSource, options: LinkOptions): Finding[] {
  const findings: Finding[] = [];
  const lineOf = (node: Nodes) => node.position?.start.line ?? source.bodyStart;
  visit(source.body, (node: Nodes) => {
    if (node.type === 'link' || node.type === 'linkReference') {
      const link = node as Link | LinkReference;
      const text = toString(link, { includeImageAlt: true }).trim();
      const target = link.type === 'link' ? link.url : `[${link.identifier}]`;
      if (text === '') {
        findings.push(
          finding(
            emptyLink,
            lineOf(node),
            'body',
            `lien sans texte vers ${target} : le lecteur ne le voit pas et un lecteur d’écran n’annonce que l’adresse. Écrivez entre les crochets ce vers quoi il mène, par exemple [le rapport de la Cour des comptes](${link.type === 'link' ? link.url : '…'})`,
          ),
        );
      } else if (
        VAGUE.test(
          text
            .toLocaleLowerCase('fr')
            .replace(/[\s\p{P}]+/gu, ' ')
            .trim(),
        )
      ) {
        findings.push(
          finding(
            vagueLink,
            lineOf(node),
            'body',
            `lien « ${text} » : son texte doit dire où il mène, même lu seul (un lecteur d’écran énumère les liens) ; écrivez par exemple « selon [le rapport de l’Arcep](…) » plutôt que « cliquez ici »`,
          ),
        );
      }
      if (link.type === 'link') findings.push(...httpFinding(link.url, lineOf(node), options));
    } else if (node.type === 'definition') {
      findings.push(...httpFinding((node as Definition).url, lineOf(node), options));
    } else if (node.type === 'leafDirective' && (node as LeafDirective).name === 'lire-aussi') {
      if ((node as LeafDirective).attributes?.['article'] === source.slug) {
        findings.push(
          finding(
            readAlsoSelf,
            lineOf(node),
            'body',
            `« Lire aussi » renvoie à l’article lui-même : nommez un autre article, ::lire-aussi{article="slug-d-un-autre-article"}, ou retirez la ligne`,
          ),
        );
      }
    } else if (node.type === 'paragraph' && /^lire aussi\b/i.test(toString(node).trim())) {
      visit(node as Paragraph, 'link', (link: Link) => {
        if (!isOwnPage(link.url, source.slug, options.siteUrl)) return;
        findings.push(
          finding(
            readAlsoSelf,
            lineOf(link),
            'body',
            `« Lire aussi » renvoie à l’article lui-même (${link.url}) : liez un autre article, ou retirez la ligne`,
          ),
        );
      });
    }
  });
  return findings;
}
