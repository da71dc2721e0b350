import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { knowledgeFlowWarnings } from './knowledgeFlowWarnings.js';
import { KnowledgeRepository } from './knowledgeRepository.js';
import { knowledgeRoutes } from './knowledgeRoutes.js';
import { createKnowledgeService } from './knowledgeService.js';

/** Knowledge bases shared by flows: `services.knowledge` for faq and llm_answer nodes, plus the staff routes. */
export const knowledgeModule: RuntimeModuleFactory = ({ database }) => {
  const repository = new KnowledgeRepository(database.client);
  const knowledge = createKnowledgeService(repository);
  return {
    name: 'knowledge',
    services: { knowledge },
    adminRoutes: knowledgeRoutes(repository, (id) => knowledge.invalidate(id)),
    flowWarnings: (document) => knowledgeFlowWarnings(document, async (id) => (await repository.revision(id)) !== undefined),
  };
};
