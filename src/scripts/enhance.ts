import { enhanceCommentForms } from './comment-form';
import { enhanceCommentSort } from './comment-sort';
import { enhanceNewsletterForms } from './newsletter-form';

// One script for every page: each enhancement looks for its own elements and does nothing
// without them. One file means one request and one hash in the Content-Security-Policy.
enhanceNewsletterForms();
enhanceCommentForms();
enhanceCommentSort();
