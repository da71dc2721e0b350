import type { Text } from '../text.js';

/** One FAQ entry: phrasings per locale and the answer. */
export interface KnowledgeEntry {
  id: string;
  question: Text;
  alternatives?: string[] | Record<string, string[]>;
  answer: Text;
}

/** Knowledge bases shared by flows (faq and llm_answer nodes); embedded: database tables managed via the admin API. */
export interface KnowledgeService {
  /** The entries of a knowledge base, or undefined when it does not exist. */
  entries(knowledgeBaseId: string): Promise<KnowledgeEntry[] | undefined>;
}
