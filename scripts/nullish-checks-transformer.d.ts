import type ts from 'typescript';

/** The handler build's transformer: one loose test of null where TypeScript's `??` and `?.` write two. */
export declare function nullishChecksTransformer(context: ts.TransformationContext): ts.Transformer<ts.SourceFile>;
