import type { Text, LocalizedList } from '../text.js';

/** One FAQ entry: phrasings per locale and the answer (templates in answers are filled by the node that shows them). */
export interface KnowledgeEntry {
  id: string;
  question: Text;
  alternatives?: LocalizedList;
  answer: Text;
}

/** Knowledge bases shared by flows (faq and llm_answer nodes); embedded: database tables managed via the admin API. */
export interface KnowledgeService {
  /**
   * The entries of a knowledge base in order, or undefined when it does not exist. Called on every turn that needs
   * them, so implementations answer from a cache; the array is read-only and, for an unchanged knowledge base, the same
   * object each time (callers may memoise on it).
   */
  entries(knowledgeBaseId: string): Promise<readonly KnowledgeEntry[] | undefined>;
}
