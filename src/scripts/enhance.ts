import { enhanceCommentForms } from './comment-form';
import { enhanceCommentSort } from './comment-sort';
import { enhanceLiveUpdates } from './live-updates';
import { enhanceNewsletterForms } from './newsletter-form';
import { enhanceShareLinks } from './share-links';
import { enhanceThemeToggle } from './theme-toggle';

// One script for every page: each enhancement looks for its own elements and does nothing
// without them. One file means one request and one hash in the Content-Security-Policy.
enhanceThemeToggle();
enhanceShareLinks();
enhanceNewsletterForms();
enhanceCommentForms();
enhanceCommentSort();
enhanceLiveUpdates();
