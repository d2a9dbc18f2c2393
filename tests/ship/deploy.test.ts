import AdmZip from 'adm-zip';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { tableDefinition } from '../../lambda/persistence/table';
import { ROOT } from '../helpers/model';
import { run } from '../helpers/process';

type Json = Record<string, unknown>;
const read = (...parts: string[]): Json =>
  JSON.parse(readFileSync(path.join(ROOT, ...parts), 'utf8')) as Json;

interface Template {
  Parameters: Record<string, { AllowedValues?: string[]; Default?: string }>;
  Resources: Record<string, { Type: string; Properties: Json }>;
  Outputs: Record<string, { Value: unknown }>;
}

describe('the deployable skill', () => {
  const resources = read('ask-resources.json') as {
    profiles: {
      default: {
        skillMetadata: { src: string };
        code: { default: { src: string } };
        skillInfrastructure: {
          type: string;
          userConfig: {
            runtime: string;
            handler: string;
            templatePath: string;
            skillEvents?: { subscriptions: string[] };
          };
        };
      };
    };
  };
  const profile = resources.profiles.default;
  const template = read(profile.skillInfrastructure.userConfig.templatePath) as unknown as Template;
  const resourcesOfType = (type: string): { Type: string; Properties: Json }[] =>
    Object.values(template.Resources).filter((resource) => resource.Type === type);

  it('ask-resources.json points at the skill package, the bundle folder and the template', () => {
    expect(existsSync(path.join(ROOT, profile.skillMetadata.src, 'skill.json'))).toBe(true);
    expect(profile.skillInfrastructure.type).toBe('@ask-cli/cfn-deployer');
    expect(profile.skillInfrastructure.userConfig.handler).toBe('index.handler');
    expect(profile.skillInfrastructure.userConfig.runtime).toBe('nodejs24.x');
  });

  it('the code folder ask deploy uploads holds the Lambda bundle only, whatever else was built', async () => {
    // The other bundles (console, server, validate, bench) are built too: none may land in that folder.
    for (const target of ['lambda', 'server', 'console']) {
      const built = await run(process.execPath, ['scripts/bundle.mjs', target], { timeoutMs: 60_000 });
      expect(built.status).toBe(0);
    }
    const code = path.join(ROOT, profile.code.default.src);
    expect(readdirSync(code)).toEqual(['index.js']);
    expect(statSync(path.join(code, 'index.js')).size).toBeLessThan(300 * 1024);
    expect(profile.skillInfrastructure.userConfig.handler).toBe('index.handler');
  }, 120_000);

  it('has ask deploy point the skill events at the same function the manifest subscribes', () => {
    const manifest = read(path.join(profile.skillMetadata.src, 'skill.json')) as unknown as {
      manifest: { events?: { subscriptions: { eventName: string }[] } };
    };
    const subscribed = manifest.manifest.events?.subscriptions.map((s) => s.eventName) ?? [];
    expect(subscribed).toContain('SKILL_DISABLED');
    expect(profile.skillInfrastructure.userConfig.skillEvents?.subscriptions).toEqual(subscribed);
  });

  it('the template has the parameters the cfn-deployer passes', () => {
    for (const name of [
      'SkillId',
      'LambdaRuntime',
      'LambdaHandler',
      'CodeBucket',
      'CodeKey',
      'CodeVersion',
    ]) {
      expect(template.Parameters).toHaveProperty(name);
    }
    // nodejs20.x: function updates blocked since 2026-09-30; Node 24 is tested in tests/build/node24.test.ts.
    expect(template.Parameters.LambdaRuntime?.AllowedValues).toEqual(['nodejs24.x', 'nodejs22.x']);
    expect(template.Parameters.LambdaRuntime?.Default).toBe('nodejs24.x');
    expect(template.Outputs).toHaveProperty('SkillEndpoint');
  });

  it("defines the table with the adapter's key schema, on demand, with point-in-time recovery", () => {
    const [table] = resourcesOfType('AWS::DynamoDB::Table');
    const definition = tableDefinition('x');
    expect(table?.Properties).toMatchObject({
      AttributeDefinitions: definition.AttributeDefinitions,
      KeySchema: definition.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('runs the function on arm64, wires the table and the skill ID, and lets only the skill invoke it', () => {
    const [fn] = resourcesOfType('AWS::Lambda::Function');
    expect(fn?.Properties).toMatchObject({
      Architectures: ['arm64'],
      Runtime: { Ref: 'LambdaRuntime' },
      Handler: { Ref: 'LambdaHandler' },
      Environment: {
        Variables: { CALF_COACH_TABLE: { Ref: 'ProgressTable' }, CALF_COACH_SKILL_ID: { Ref: 'SkillId' } },
      },
    });
    expect(Number(fn?.Properties.Timeout)).toBeLessThan(8);
    const [permission] = resourcesOfType('AWS::Lambda::Permission');
    expect(permission?.Properties).toMatchObject({
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });

  it('grants the function exactly the DynamoDB calls the adapter makes', () => {
    const source = readFileSync(path.join(ROOT, 'lambda', 'persistence', 'dynamodb.ts'), 'utf8');
    const operations = /export type Operation = ([^;]+);/.exec(source)?.[1] ?? '';
    const used = [...operations.matchAll(/'(\w+)'/g)].map((m) => `dynamodb:${m[1] ?? ''}`).sort();
    const granted = JSON.stringify(template.Resources.SkillFunctionRole)
      .match(/dynamodb:\w+/g)
      ?.sort();
    expect(granted).toEqual(used);
    expect(used).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
  });

  it('npm run package writes the Lambda zip and puts every model in the skill package', async () => {
    const done = await run(process.execPath, ['scripts/package.mjs'], { timeoutMs: 60_000 });
    expect(done).toMatchObject({ status: 0, stderr: '' });
    const zip = new AdmZip(path.join(ROOT, 'build', 'lambda.zip'));
    expect(zip.getEntries().map((entry) => entry.entryName)).toEqual(['index.js']);
    expect(zip.readAsText('index.js')).toMatch(/exports,"handler"|handler:/);
    const packaged = readdirSync(path.join(ROOT, 'skill-package', 'interactionModels', 'custom')).sort();
    expect(packaged).toEqual(readdirSync(path.join(ROOT, 'interaction-models')).sort());
    for (const name of packaged) {
      expect(
        readFileSync(path.join(ROOT, 'skill-package', 'interactionModels', 'custom', name), 'utf8'),
      ).toBe(readFileSync(path.join(ROOT, 'interaction-models', name), 'utf8'));
    }
  }, 90_000);
});
