export * from './identity.module';
export * from './identity.errors';
export * from './users/users.service';
export * from './users/user.entity';
export * from './users/password-hasher';
export * from './brands/brands.service';
export * from './brands/brand.entity';
export * from './auth/auth.service';
