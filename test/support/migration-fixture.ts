// The tiny Prisma schema the migration tooling's unit and integration tests both migrate.
export const WIDGET_SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Colour {
  red
  green
}

model Widget {
  id     String @id
  name   String
  colour Colour @default(red)
}
`;
