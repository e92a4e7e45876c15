import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ExportSection = (panellistId: string) => Promise<unknown>;
export type ErasureStep = (em: EntityManager, panellistId: string) => Promise<void>;

/**
 * Where each context declares the personal data it holds: a section of the export
 * and a step of the erasure (run inside the erasure transaction). Studies,
 * discussions, home testing and surveys register theirs, so that data rights
 * stay complete as the product grows.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly sections = new Map<string, ExportSection>();
  private readonly steps: Array<{ name: string; step: ErasureStep }> = [];

  registerExport(name: string, section: ExportSection): void {
    if (this.sections.has(name)) throw new Error(`export section "${name}" registered twice`);
    this.sections.set(name, section);
  }

  registerErasure(name: string, step: ErasureStep): void {
    this.steps.push({ name, step });
  }

  exportSections(): ReadonlyMap<string, ExportSection> {
    return this.sections;
  }

  erasureSteps(): ReadonlyArray<{ name: string; step: ErasureStep }> {
    return this.steps;
  }
}
